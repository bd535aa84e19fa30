package io.github.permissionmanager.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;

/**
 * A server of the machine the suites run on (PostgreSQL, MariaDB and Redis on loopback,
 * with the users CI creates). A test that needs one says so with
 * {@link RequiresServer @RequiresServer}.
 */
public enum Server {

	/**
	 * PostgreSQL on 127.0.0.1:5432, database {@code test}, user {@code postgres} (trust).
	 */
	POSTGRESQL("PostgreSQL", "127.0.0.1", 5432, "jdbc:postgresql://127.0.0.1:5432/test", "postgres"),

	/**
	 * MariaDB on 127.0.0.1:3306, database {@code test}, user {@code root} with an empty
	 * password.
	 */
	MARIADB("MariaDB", "127.0.0.1", 3306, "jdbc:mariadb://127.0.0.1:3306/test", "root"),

	/**
	 * Redis on 127.0.0.1:6379.
	 */
	REDIS("Redis", "127.0.0.1", 6379, null, null);

	private final String title;

	private final String host;

	private final int port;

	private final String url;

	private final String user;

	Server(String title, String host, int port, @Nullable String url, @Nullable String user) {
		this.title = title;
		this.host = host;
		this.port = port;
		this.url = (url != null) ? url : "redis://" + host + ":" + port;
		this.user = (user != null) ? user : "";
	}

	/**
	 * The server's name, as messages say it.
	 * @return the name
	 */
	public String title() {
		return this.title;
	}

	/**
	 * Where the server is: the JDBC URL of a database, {@code redis://host:port} for
	 * Redis.
	 * @return the address
	 */
	public String url() {
		return this.url;
	}

	/**
	 * The user the suites connect as (the password is empty).
	 * @return the user
	 */
	public String user() {
		return this.user;
	}

	/**
	 * The server's TCP port on loopback.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * A connection pool on this database. Connections are opened on first use.
	 * @param poolName the pool's name, for the logs
	 * @param maximumPoolSize how many connections at most
	 * @return the pool, to be closed by the caller
	 */
	public HikariDataSource dataSource(String poolName, int maximumPoolSize) {
		if (this == REDIS) {
			throw new UnsupportedOperationException("Redis is not a JDBC database");
		}
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(this.url);
		dataSource.setUsername(this.user);
		dataSource.setPassword("");
		dataSource.setMaximumPoolSize(maximumPoolSize);
		dataSource.setPoolName(poolName);
		return dataSource;
	}

	/**
	 * A table prefix of this run's own, so that builds running at once on one server
	 * never share tables.
	 * @param start how the prefix starts, such as the suite's name
	 * @return the start, {@code _}, eight random characters and {@code _}
	 */
	public static String uniqueTablePrefix(String start) {
		return start + "_" + UUID.randomUUID().toString().substring(0, 8) + "_";
	}

	/**
	 * Ask the server whether it answers: a JDBC connection for a database, {@code PING}
	 * for Redis.
	 * @throws Exception why it does not
	 */
	void probe() throws Exception {
		if (this == REDIS) {
			ping(this.host, this.port);
		}
		else {
			connect(this.url, this.user, "");
		}
	}

	static void connect(String url, String user, String password) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, user, password)) {
			connection.isValid(5);
		}
	}

	static void ping(String host, int port) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 2000);
			socket.setSoTimeout(2000);
			socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			byte[] answer = new byte[5];
			int read = socket.getInputStream().readNBytes(answer, 0, 5);
			if (read < 5 || !new String(answer, StandardCharsets.US_ASCII).equals("+PONG")) {
				throw new IOException("no PONG");
			}
		}
	}

}
