package io.github.permissionmanager.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * Listens on a dedicated PostgreSQL connection for the notifications of
 * {@link PostgresChangeSignal} and wakes the {@link ChangeFollower}. When the connection
 * breaks it reconnects with a growing pause (up to 5 s) and wakes the follower once it is
 * back; meanwhile the follower polls as usual, so a lost notification costs latency only.
 */
public final class PostgresChangeListener implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(PostgresChangeListener.class);

	private static final Duration MAX_PAUSE = Duration.ofSeconds(5);

	private final DataSource dataSource;

	private final String channel;

	private final ChangeFollower follower;

	private volatile boolean running;

	private volatile @Nullable Connection connection;

	private @Nullable Thread thread;

	/**
	 * Create a listener.
	 * @param dataSource the store's DataSource, on PostgreSQL; one connection is kept
	 * @param channel the notification channel
	 * @param follower the follower to wake
	 */
	public PostgresChangeListener(DataSource dataSource, String channel, ChangeFollower follower) {
		Assert.notNull(dataSource, "dataSource cannot be null");
		Assert.hasText(channel, "channel cannot be empty");
		Assert.notNull(follower, "follower cannot be null");
		this.dataSource = dataSource;
		this.channel = channel;
		this.follower = follower;
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		Thread listening = new Thread(this::run, "permission-manager-change-listener");
		listening.setDaemon(true);
		listening.start();
		this.thread = listening;
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		closeConnection();
		Thread listening = this.thread;
		if (listening != null) {
			listening.interrupt();
			try {
				listening.join(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.thread = null;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void run() {
		long pause = 100;
		while (this.running) {
			try {
				listen();
				pause = 100;
			}
			catch (SQLException | RuntimeException ex) {
				if (!this.running) {
					return;
				}
				logger.warn("Lost the PostgreSQL LISTEN connection for permission changes (" + ex.getMessage()
						+ "); polling goes on, reconnecting in " + pause + " ms");
			}
			finally {
				closeConnection();
			}
			try {
				Thread.sleep(pause);
			}
			catch (InterruptedException ex) {
				return;
			}
			pause = Math.min(pause * 2, MAX_PAUSE.toMillis());
		}
	}

	private void listen() throws SQLException {
		Connection listening = this.dataSource.getConnection();
		this.connection = listening;
		listening.setAutoCommit(true);
		PGConnection postgres = listening.unwrap(PGConnection.class);
		try (Statement statement = listening.createStatement()) {
			statement.execute("LISTEN \"" + this.channel + "\"");
		}
		// Changes made while the connection was down are read by the next poll
		this.follower.wake();
		while (this.running) {
			PGNotification[] notifications = postgres.getNotifications(500);
			if (notifications != null && notifications.length > 0) {
				this.follower.wake();
			}
		}
	}

	private void closeConnection() {
		Connection open = this.connection;
		this.connection = null;
		if (open != null) {
			try (Statement statement = open.createStatement()) {
				// The pool hands the connection out again: it must not keep listening
				statement.execute("UNLISTEN *");
			}
			catch (SQLException ex) {
				logger.debug("Could not stop listening on the LISTEN connection", ex);
			}
			try {
				open.close();
			}
			catch (SQLException ex) {
				logger.debug("Could not close the LISTEN connection", ex);
			}
		}
	}

	/**
	 * Whether the listening connection is open now (for tests and health).
	 * @return whether it is
	 */
	public boolean isListening() {
		return this.connection != null;
	}

}
