package io.github.permissionmanager;

import java.time.Instant;

/**
 * Published when a user signs out of a connection (through {@link Connections#signOut} or
 * the sign-out endpoint), so the application can clear what it cached from that service
 * with an {@code @EventListener}.
 *
 * @param user the user whose connection it was
 * @param connection the connection's name
 * @param wasConnected whether there was anything to sign out of
 * @param revocation what the provider was told
 * @param timestamp when it happened
 */
public record ConnectionSignedOutEvent(String user, String connection, boolean wasConnected, Revocation revocation,
		Instant timestamp) {

	/**
	 * What became of the credentials at the provider.
	 */
	public enum Revocation {

		/** The provider confirmed the revocation (RFC 7009). */
		REVOKED,

		/** The provider has no revocation endpoint (or the connection is an API key). */
		NOT_SUPPORTED,

		/**
		 * The provider could not be told: the credentials were removed here, but stay
		 * valid there until they expire or the user revokes them at the provider.
		 */
		FAILED,

		/** There were no credentials to revoke. */
		NONE

	}

}
