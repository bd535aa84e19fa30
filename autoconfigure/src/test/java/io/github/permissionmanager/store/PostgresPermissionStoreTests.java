package io.github.permissionmanager.store;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store suite on PostgreSQL (jdbc:postgresql://127.0.0.1:5432/test). Fails when the
 * server does not answer and CI=true; skipped with the reason printed otherwise.
 */
class PostgresPermissionStoreTests extends AbstractPermissionStoreTests {

	private static final String PREFIX = uniquePrefix("pg");

	private static HikariDataSource database;

	@BeforeAll
	static void connect() {
		database = RequiredDatabase.connect("PostgreSQL", "jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
	}

	@AfterAll
	static void disconnect() {
		if (database != null) {
			dropTables(database, PREFIX);
			database.close();
		}
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
		return false;
	}

	@Override
	protected AutoCloseable blockReads(String grantsTable) throws SQLException {
		Connection connection = database.getConnection();
		connection.setAutoCommit(false);
		connection.createStatement().execute("LOCK TABLE " + grantsTable + " IN ACCESS EXCLUSIVE MODE");
		return () -> {
			connection.rollback();
			connection.setAutoCommit(true);
			connection.close();
		};
	}

}
