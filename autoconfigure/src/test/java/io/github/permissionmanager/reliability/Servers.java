package io.github.permissionmanager.reliability;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Assumptions;

/**
 * The database and Redis servers of the machine. A test that needs one fails loudly in CI
 * ({@code CI=true}), where the servers are part of the machine, and is skipped elsewhere
 * with the reason printed.
 */
final class Servers {

	static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";

	static final String MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/test";

	private Servers() {
	}

	/**
	 * A database server instances can share.
	 */
	enum Database {

		POSTGRES("PostgreSQL", POSTGRES_URL, "postgres"), MARIADB("MariaDB", MARIADB_URL, "root");

		private final String title;

		private final String url;

		private final String user;

		Database(String title, String url, String user) {
			this.title = title;
			this.url = url;
			this.user = user;
		}

		String url() {
			return this.url;
		}

		String user() {
			return this.user;
		}

		void require(String test) {
			Servers.require(test, this.title, this.url, this.user, "");
		}

	}

	/**
	 * Make sure the Redis server (127.0.0.1:6379) answers, or skip (outside CI) or fail
	 * (in CI).
	 * @param test the test that needs it, for the message
	 */
	static void requireRedis(String test) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", 6379), 2000);
			socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			byte[] answer = new byte[5];
			int read = socket.getInputStream().read(answer);
			if (read < 5 || !new String(answer, StandardCharsets.US_ASCII).equals("+PONG")) {
				throw new IOException("no PONG");
			}
		}
		catch (IOException ex) {
			String reason = "Redis at 127.0.0.1:6379 does not answer (" + ex.getMessage() + ")";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new AssertionError(reason + "; CI=true, so " + test + " must run", ex);
			}
			System.out.println("SKIPPED " + test + " on Redis: " + reason + " (set CI=true to make this fail)");
			Assumptions.abort(reason);
		}
	}

	/**
	 * A table prefix of this run's own, so concurrent builds on one server never share
	 * tables.
	 * @param name what the tables are for
	 * @return the prefix
	 */
	static String uniquePrefix(String name) {
		return "rel_" + name + "_" + UUID.randomUUID().toString().substring(0, 8) + "_";
	}

	static HikariDataSource postgres(String test) {
		return connect(test, "PostgreSQL", POSTGRES_URL, "postgres", "");
	}

	static HikariDataSource mariaDb(String test) {
		return connect(test, "MariaDB", MARIADB_URL, "root", "");
	}

	/**
	 * Make sure a server answers, or skip (outside CI) or fail (in CI).
	 * @param test the test that needs it, for the message
	 * @param name the server's name
	 * @param url its JDBC URL
	 * @param user the user
	 * @param password the password
	 */
	static void require(String test, String name, String url, String user, String password) {
		try (Connection connection = DriverManager.getConnection(url, user, password)) {
			connection.isValid(5);
		}
		catch (SQLException ex) {
			String reason = name + " at " + url + " does not answer (" + ex.getMessage() + ")";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new AssertionError(reason + "; CI=true, so " + test + " must run", ex);
			}
			System.out.println("SKIPPED " + test + " on " + name + ": " + reason + " (set CI=true to make this fail)");
			Assumptions.abort(reason);
		}
	}

	private static HikariDataSource connect(String test, String name, String url, String user, String password) {
		require(test, name, url, user, password);
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(url);
		dataSource.setUsername(user);
		dataSource.setPassword(password);
		dataSource.setMaximumPoolSize(10);
		dataSource.setPoolName("reliability-" + name);
		return dataSource;
	}

}
