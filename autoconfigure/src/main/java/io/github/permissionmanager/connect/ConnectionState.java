package io.github.permissionmanager.connect;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What one connection of one user looks like now.
 *
 * @param status whether it is usable, and if not why
 * @param grantedScopes the scopes the user granted (empty for an API key)
 * @param expiresAt when the credentials stop working, or {@code null} when unknown
 */
public record ConnectionState(Status status, Set<String> grantedScopes, @Nullable Instant expiresAt) {

	public ConnectionState {
		grantedScopes = Set.copyOf(grantedScopes);
	}

	static ConnectionState of(Status status) {
		return new ConnectionState(status, Set.of(), null);
	}

	/**
	 * Whether the connection can be used.
	 * @return whether it is connected
	 */
	public boolean connected() {
		return this.status == Status.CONNECTED;
	}

	/**
	 * The states of a connection.
	 */
	public enum Status {

		/** Usable: credentials that have not expired. */
		CONNECTED,

		/** The user never connected it, or signed out. */
		NOT_CONNECTED,

		/** The credentials expired and could not be renewed. */
		EXPIRED,

		/** The provider refused to renew them: the grant was revoked there. */
		REVOKED

	}

}
