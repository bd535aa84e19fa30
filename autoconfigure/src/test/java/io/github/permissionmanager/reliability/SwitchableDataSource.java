package io.github.permissionmanager.reliability;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A pool that can be taken down: while down, every connection request fails as a pool
 * whose database stopped answering does, and the connections it holds are evicted, so
 * nothing is served from a connection opened before the outage. One table can also be
 * made unreachable alone: statements naming it fail as they would if it did not exist.
 */
public final class SwitchableDataSource extends DelegatingDataSource implements AutoCloseable {

	private final HikariDataSource pool;

	private final AtomicInteger refused = new AtomicInteger();

	private volatile boolean down;

	private volatile @Nullable String refusedTable;

	SwitchableDataSource(HikariDataSource pool) {
		super(pool);
		this.pool = pool;
	}

	void down() {
		this.down = true;
		this.pool.getHikariPoolMXBean().softEvictConnections();
	}

	void up() {
		this.down = false;
	}

	/**
	 * Make one table unreachable on the connections handed out from now on.
	 * @param table the table's name
	 */
	void refuseTable(String table) {
		this.refusedTable = table.toLowerCase(Locale.ROOT);
	}

	void allowEveryTable() {
		this.refusedTable = null;
	}

	int refused() {
		return this.refused.get();
	}

	@Override
	public Connection getConnection() throws SQLException {
		refuseWhenDown();
		return guarded(super.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		refuseWhenDown();
		return guarded(super.getConnection(username, password));
	}

	private Connection guarded(Connection connection) {
		if (this.refusedTable == null) {
			return connection;
		}
		return proxy(Connection.class, connection);
	}

	// Statements whose SQL names the refused table fail, on the connection and on the
	// statements it creates
	private <T> T proxy(Class<T> type, T target) {
		return type.cast(
				Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { type }, (proxy, method, args) -> {
					if (args != null && args.length > 0 && args[0] instanceof String sql) {
						failWhenNamingTheRefusedTable(sql);
					}
					Object result;
					try {
						result = method.invoke(target, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
					if (result instanceof Statement statement && !(result instanceof PreparedStatement)) {
						return proxy(Statement.class, statement);
					}
					return result;
				}));
	}

	private void failWhenNamingTheRefusedTable(String sql) throws SQLException {
		String table = this.refusedTable;
		if (table != null && sql.toLowerCase(Locale.ROOT).matches("(?s).*\\b" + table + "\\b.*")) {
			throw new SQLSyntaxErrorException("relation \"" + table + "\" does not exist", "42P01");
		}
	}

	private void refuseWhenDown() throws SQLException {
		if (this.down) {
			this.refused.incrementAndGet();
			throw new SQLTransientConnectionException(
					"Connection refused: the database at " + this.pool.getJdbcUrl() + " is down", "08001");
		}
	}

	DataSource pool() {
		return this.pool;
	}

	@Override
	public void close() {
		this.pool.close();
	}

}
