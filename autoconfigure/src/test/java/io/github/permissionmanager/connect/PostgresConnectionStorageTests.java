package io.github.permissionmanager.connect;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.github.permissionmanager.testsupport.RequiresServer;
import io.github.permissionmanager.testsupport.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The connections' storage on PostgreSQL. Fails when the server does not answer and
 * CI=true; skipped with the reason printed otherwise.
 */
@RequiresServer(Server.POSTGRESQL)
class PostgresConnectionStorageTests extends AbstractConnectionStorageTests {

	private static HikariDataSource database;

	@BeforeAll
	static void connect() {
		database = Server.POSTGRESQL.dataSource("connection-storage", 4);
	}

	@AfterAll
	static void disconnect() {
		if (database != null) {
			database.close();
		}
	}

	@Override
	protected DataSource database() {
		return database;
	}

}
