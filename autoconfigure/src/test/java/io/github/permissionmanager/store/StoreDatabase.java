package io.github.permissionmanager.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.github.permissionmanager.testsupport.Server;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The database one store suite runs against: opened before the suite's first test, its
 * tables (under a prefix of this run's own) dropped and the pool closed after the last.
 * Each per-database suite registers one as a static extension, so a suite's behaviour is
 * written once and runs on H2, PostgreSQL and MariaDB.
 */
abstract class StoreDatabase implements BeforeAllCallback, AfterAllCallback {

	private final String prefix;

	private HikariDataSource dataSource;

	private StoreDatabase(String platform) {
		this.prefix = uniquePrefix(platform);
	}

	/**
	 * An in-memory H2 database of the suite's own; always there.
	 * @return the database
	 */
	static StoreDatabase h2() {
		return new H2();
	}

	/**
	 * The PostgreSQL server of the machine (jdbc:postgresql://127.0.0.1:5432/test).
	 * @return the database
	 */
	static StoreDatabase postgres() {
		return new OnServer(Server.POSTGRESQL, "pg", (connection, table) -> {
			connection.setAutoCommit(false);
			connection.createStatement().execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
			return () -> {
				connection.rollback();
				connection.setAutoCommit(true);
				connection.close();
			};
		});
	}

	/**
	 * The MariaDB server of the machine (jdbc:mariadb://127.0.0.1:3306/test).
	 * @return the database
	 */
	static StoreDatabase mariaDb() {
		return new OnServer(Server.MARIADB, "maria", (connection, table) -> {
			connection.createStatement().execute("LOCK TABLES " + table + " WRITE");
			return () -> {
				connection.createStatement().execute("UNLOCK TABLES");
				connection.close();
			};
		});
	}

	static String uniquePrefix(String platform) {
		return Server.uniqueTablePrefix("pmt_" + platform);
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		this.dataSource = open();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.dataSource != null) {
			AbstractPermissionStoreTests.dropTables(this.dataSource, this.prefix);
			this.dataSource.close();
		}
	}

	DataSource dataSource() {
		return this.dataSource;
	}

	/**
	 * A table prefix of this run's own, so that concurrent builds on one server never
	 * share tables.
	 * @return the prefix
	 */
	String tablePrefix() {
		return this.prefix;
	}

	/**
	 * Whether the database is an embedded one.
	 * @return whether {@code initialize-schema=embedded} creates the tables on it
	 */
	abstract boolean embedded();

	/**
	 * Hold, from another connection, a lock that makes reads of the grants table wait.
	 * @param grantsTable the table to lock
	 * @return what releases the lock
	 * @throws SQLException when the lock cannot be taken
	 */
	abstract AutoCloseable blockReads(String grantsTable) throws SQLException;

	abstract HikariDataSource open();

	private static final class H2 extends StoreDatabase {

		H2() {
			super("h2");
		}

		@Override
		HikariDataSource open() {
			HikariDataSource database = new HikariDataSource();
			database.setJdbcUrl("jdbc:h2:mem:store-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
			database.setUsername("sa");
			database.setMaximumPoolSize(12);
			return database;
		}

		@Override
		boolean embedded() {
			return true;
		}

		@Override
		AutoCloseable blockReads(String grantsTable) throws SQLException {
			// H2 readers never wait for locks, so the table is swapped for a view that
			// reads slowly
			try (Connection connection = dataSource().getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("CREATE ALIAS IF NOT EXISTS PM_TEST_SLEEP FOR 'java.lang.Thread.sleep(long)'");
				statement.execute("ALTER TABLE " + grantsTable + " RENAME TO " + grantsTable + "_real");
				statement.execute("CREATE VIEW " + grantsTable + " AS SELECT DISTINCT g.* FROM " + grantsTable
						+ "_real g, SYSTEM_RANGE(1, 4000) r WHERE PM_TEST_SLEEP(5) IS NULL");
			}
			return () -> {
				try (Connection connection = dataSource().getConnection();
						Statement statement = connection.createStatement()) {
					statement.execute("DROP VIEW " + grantsTable);
					statement.execute("ALTER TABLE " + grantsTable + "_real RENAME TO " + grantsTable);
				}
			};
		}

	}

	/**
	 * A database server of the machine; the suite says it needs it with
	 * {@code @RequiresServer}, so it is skipped or fails before this opens it.
	 */
	private static final class OnServer extends StoreDatabase {

		private final Server server;

		private final ReadBlocker blocker;

		OnServer(Server server, String platform, ReadBlocker blocker) {
			super(platform);
			this.server = server;
			this.blocker = blocker;
		}

		@Override
		HikariDataSource open() {
			return this.server.dataSource("store-suite-" + this.server.title(), 12);
		}

		@Override
		boolean embedded() {
			return false;
		}

		@Override
		AutoCloseable blockReads(String grantsTable) throws SQLException {
			return this.blocker.block(dataSource().getConnection(), grantsTable);
		}

	}

	/**
	 * How one server makes reads of a table wait: a lock held by a connection of its own.
	 */
	@FunctionalInterface
	private interface ReadBlocker {

		AutoCloseable block(Connection connection, String table) throws SQLException;

	}

}
