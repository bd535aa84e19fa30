package io.github.permissionmanager.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Assumptions;

/**
 * A database server a store suite runs against. When it does not answer, the suite fails
 * loudly in CI ({@code CI=true}), where the servers are part of the machine, and is
 * skipped elsewhere with the reason printed.
 */
final class RequiredDatabase {

	private RequiredDatabase() {
	}

	static HikariDataSource connect(String name, String url, String user, String password) {
		return connect(name, url, user, password, "true".equalsIgnoreCase(System.getenv("CI")));
	}

	static HikariDataSource connect(String name, String url, String user, String password, boolean ci) {
		try (Connection connection = DriverManager.getConnection(url, user, password)) {
			connection.isValid(5);
		}
		catch (SQLException ex) {
			String reason = name + " at " + url + " does not answer (" + ex.getMessage() + ")";
			if (ci) {
				throw new AssertionError(reason + "; CI=true, so the " + name + " store suite must run", ex);
			}
			System.out.println("SKIPPED " + name + " store suite: " + reason + " (set CI=true to make this fail)");
			Assumptions.abort(reason);
		}
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(url);
		dataSource.setUsername(user);
		dataSource.setPassword(password);
		dataSource.setMaximumPoolSize(12);
		dataSource.setPoolName("store-suite-" + name);
		return dataSource;
	}

}
