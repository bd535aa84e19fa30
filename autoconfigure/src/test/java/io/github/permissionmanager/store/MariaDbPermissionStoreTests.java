package io.github.permissionmanager.store;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store suite on MariaDB (jdbc:mariadb://127.0.0.1:3306/test). Fails when the server
 * does not answer and CI=true; skipped with the reason printed otherwise.
 */
class MariaDbPermissionStoreTests extends AbstractPermissionStoreTests {

	private static final String PREFIX = uniquePrefix("maria");

	private static HikariDataSource database;

	@BeforeAll
	static void connect() {
		database = RequiredDatabase.connect("MariaDB", "jdbc:mariadb://127.0.0.1:3306/test", "root", "");
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
		connection.createStatement().execute("LOCK TABLES " + grantsTable + " WRITE");
		return () -> {
			connection.createStatement().execute("UNLOCK TABLES");
			connection.close();
		};
	}

}
