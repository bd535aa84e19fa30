package io.github.permissionmanager;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What to send to a connected service, and where: {@code prefix + value} under
 * {@code name} at {@code location}. An OAuth2 connection's access token is
 * {@code Authorization: Bearer <token>}; an API key is what its catalog entry says
 * ({@code key-name}, {@code key-location}, {@code key-prefix}). Its {@code toString}
 * never shows the value.
 *
 * @param connection the connection's name
 * @param value the secret: the access token or the API key
 * @param name the header, query parameter or body field that carries it
 * @param location where it goes
 * @param prefix what goes before the value (e.g. {@code "Bearer "}), or {@code null}
 * @param expiresAt when the value stops working, or {@code null} when unknown
 */
public record ConnectionCredentials(String connection, String value, String name, KeyLocation location,
		@Nullable String prefix, @Nullable Instant expiresAt) {

	/**
	 * The value as it is sent: the prefix followed by the secret.
	 * @return the value to send
	 */
	public String prefixedValue() {
		return (this.prefix != null) ? this.prefix + this.value : this.value;
	}

	@Override
	public String toString() {
		return "ConnectionCredentials[connection=" + this.connection + ", name=" + this.name + ", location="
				+ this.location + ", expiresAt=" + this.expiresAt + "]";
	}

}
