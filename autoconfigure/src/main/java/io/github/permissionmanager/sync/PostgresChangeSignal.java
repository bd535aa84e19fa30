package io.github.permissionmanager.sync;

import io.github.permissionmanager.store.ChangeSignal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.Assert;

/**
 * Sends a PostgreSQL notification inside the transaction that writes a change; PostgreSQL
 * delivers it to every listener when, and only if, the transaction commits.
 */
public final class PostgresChangeSignal implements ChangeSignal {

	private final JdbcClient jdbc;

	private final String channel;

	/**
	 * Create a signal.
	 * @param jdbc the client of the store, joining its transactions
	 * @param channel the notification channel
	 */
	public PostgresChangeSignal(JdbcClient jdbc, String channel) {
		Assert.notNull(jdbc, "jdbc cannot be null");
		Assert.hasText(channel, "channel cannot be empty");
		this.jdbc = jdbc;
		this.channel = channel;
	}

	@Override
	public void changed(long position) {
		this.jdbc.sql("SELECT pg_notify(:channel, :payload)")
			.param("channel", this.channel)
			.param("payload", Long.toString(position))
			.query((rs) -> {
			});
	}

}
