package io.github.permissionmanager.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store suite on an in-memory H2 database; always runs.
 */
class H2PermissionStoreTests extends AbstractPermissionStoreTests {

	private static final String PREFIX = uniquePrefix("h2");

	private static HikariDataSource database;

	@BeforeAll
	static void startDatabase() {
		database = new HikariDataSource();
		database.setJdbcUrl("jdbc:h2:mem:store-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		database.setUsername("sa");
		database.setMaximumPoolSize(12);
	}

	@AfterAll
	static void stopDatabase() {
		dropTables(database, PREFIX);
		database.close();
	}

	@Override
	protected DataSource database() {
		return database;
	}

	@Override
	protected String tablePrefix() {
		return PREFIX;
	}

	@Override
	protected boolean embedded() {
		return true;
	}

	@Override
	protected AutoCloseable blockReads(String grantsTable) throws SQLException {
		// H2 readers never wait for locks, so the table is swapped for a view that reads
		// slowly
		try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE ALIAS IF NOT EXISTS PM_TEST_SLEEP FOR 'java.lang.Thread.sleep(long)'");
			statement.execute("ALTER TABLE " + grantsTable + " RENAME TO " + grantsTable + "_real");
			statement.execute("CREATE VIEW " + grantsTable + " AS SELECT DISTINCT g.* FROM " + grantsTable
					+ "_real g, SYSTEM_RANGE(1, 4000) r WHERE PM_TEST_SLEEP(5) IS NULL");
		}
		return () -> {
			try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
				statement.execute("DROP VIEW " + grantsTable);
				statement.execute("ALTER TABLE " + grantsTable + "_real RENAME TO " + grantsTable);
			}
		};
	}

}
