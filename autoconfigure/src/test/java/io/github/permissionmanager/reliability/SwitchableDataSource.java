package io.github.permissionmanager.reliability;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A pool that can be taken down: while down, every connection request fails as a pool
 * whose database stopped answering does, and the connections it holds are evicted, so
 * nothing is served from a connection opened before the outage.
 */
public final class SwitchableDataSource extends DelegatingDataSource implements AutoCloseable {

	private final HikariDataSource pool;

	private final AtomicInteger refused = new AtomicInteger();

	private volatile boolean down;

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

	int refused() {
		return this.refused.get();
	}

	@Override
	public Connection getConnection() throws SQLException {
		refuseWhenDown();
		return super.getConnection();
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		refuseWhenDown();
		return super.getConnection(username, password);
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
