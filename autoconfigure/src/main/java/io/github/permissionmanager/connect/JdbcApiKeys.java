package io.github.permissionmanager.connect;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.github.permissionmanager.store.StoreTables;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.Assert;

/**
 * The users' API keys, one per user and connection, in {@code <prefix>connection_keys},
 * encrypted by the {@link TokenCipher} and bound to their row (connection and user).
 */
public final class JdbcApiKeys {

	private final JdbcClient jdbc;

	private final TokenCipher cipher;

	private final Clock clock;

	private final String table;

	/**
	 * Create the store.
	 * @param jdbc the application's database
	 * @param tables the store's table names (for the prefix)
	 * @param cipher encrypts the keys
	 * @param clock the clock creation times are read with
	 */
	public JdbcApiKeys(JdbcClient jdbc, StoreTables tables, TokenCipher cipher, Clock clock) {
		Assert.notNull(jdbc, "jdbc cannot be null");
		Assert.notNull(tables, "tables cannot be null");
		Assert.notNull(cipher, "cipher cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.clock = clock;
		this.table = tables.prefix() + "connection_keys";
	}

	/**
	 * A user's key.
	 * @param connection the connection
	 * @param user the user
	 * @return the key, or {@code null} when there is none
	 */
	@Nullable StoredKey find(String connection, String user) {
		List<StoredKey> keys = this.jdbc
			.sql("SELECT key_value, expires_at FROM " + this.table + " WHERE connection_name = ? AND user_name = ?")
			.params(connection, user)
			.query((rs, row) -> {
				Timestamp expires = rs.getTimestamp("expires_at");
				String value = decrypt(rs.getBytes("key_value"), connection, user);
				return new StoredKey(value, (expires != null) ? expires.toInstant() : null);
			})
			.list();
		return keys.isEmpty() ? null : keys.get(0);
	}

	private String decrypt(byte[] encrypted, String connection, String user) {
		try {
			return new String(this.cipher.decrypt(encrypted, row(connection, user)), StandardCharsets.UTF_8);
		}
		catch (RuntimeException ex) {
			// never the ciphertext or the key in the message
			throw new DataRetrievalFailureException("A stored API key does not decrypt with " + TokenCipher.KEY_PROPERTY
					+ ": it was altered, copied from another row or written with " + "another key");
		}
	}

	// What a key is bound to: the kind of row (whatever the table prefix), the connection
	// and the user
	private static String[] row(String connection, String user) {
		return new String[] { "connection_keys", connection, user };
	}

	/**
	 * Store a user's key, replacing the previous one.
	 * @param connection the connection
	 * @param user the user
	 * @param key the key
	 * @param expiresAt when it stops being used, or {@code null}
	 * @return whether the user had no key before
	 */
	boolean save(String connection, String user, String key, @Nullable Instant expiresAt) {
		byte[] encrypted = this.cipher.encrypt(key.getBytes(StandardCharsets.UTF_8), row(connection, user));
		Timestamp expires = (expiresAt != null) ? Timestamp.from(expiresAt) : null;
		Timestamp now = Timestamp.from(this.clock.instant());
		int updated = this.jdbc
			.sql("UPDATE " + this.table + " SET key_value = :key, expires_at = :expires, created_at = :now "
					+ "WHERE connection_name = :connection AND user_name = :user")
			.param("key", encrypted)
			.param("expires", expires)
			.param("now", now)
			.param("connection", connection)
			.param("user", user)
			.update();
		if (updated > 0) {
			return false;
		}
		this.jdbc
			.sql("INSERT INTO " + this.table + " (connection_name, user_name, key_value, expires_at, created_at) "
					+ "VALUES (:connection, :user, :key, :expires, :now)")
			.param("key", encrypted)
			.param("expires", expires)
			.param("now", now)
			.param("connection", connection)
			.param("user", user)
			.update();
		return true;
	}

	/**
	 * Remove a user's key.
	 * @param connection the connection
	 * @param user the user
	 */
	void remove(String connection, String user) {
		this.jdbc.sql("DELETE FROM " + this.table + " WHERE connection_name = ? AND user_name = ?")
			.params(connection, user)
			.update();
	}

	/**
	 * A stored key.
	 *
	 * @param value the key
	 * @param expiresAt when it stops being used, or {@code null}
	 */
	record StoredKey(String value, @Nullable Instant expiresAt) {

		@Override
		public String toString() {
			return "StoredKey[expiresAt=" + this.expiresAt + "]";
		}

	}

}
