package io.github.permissionmanager.store;

import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store suite on an in-memory H2 database; always runs.
 */
class H2PermissionStoreTests extends AbstractPermissionStoreTests {

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
		database.close();
	}

	@Override
	protected DataSource database() {
		return database;
	}

	@Override
	protected String tablePrefix() {
		return "pmt_h2_";
	}

}
