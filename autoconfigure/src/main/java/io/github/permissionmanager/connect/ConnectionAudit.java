package io.github.permissionmanager.connect;

import io.github.permissionmanager.ConnectionSignedOutEvent.Revocation;
import io.github.permissionmanager.store.AuditTrail;
import org.jspecify.annotations.Nullable;

import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * Records sign-ins and sign-outs of connections in the store's audit table, each in the
 * transaction of the change it records: {@code CONNECTION_SIGN_IN},
 * {@code CONNECTION_SIGN_OUT}, or {@code CONNECTION_SIGN_OUT_UNREVOKED} when the provider
 * could not be told. Without a store (tokens kept in memory) nothing is recorded.
 */
public final class ConnectionAudit {

	private final @Nullable AuditTrail trail;

	private final @Nullable TransactionTemplate transactions;

	/**
	 * Create an audit.
	 * @param trail the store's audit trail, or {@code null} when there is no store
	 * @param transactions the store's transactions, or {@code null} when there is no
	 * store
	 */
	public ConnectionAudit(@Nullable AuditTrail trail, @Nullable TransactionTemplate transactions) {
		Assert.isTrue((trail == null) == (transactions == null), "trail and transactions go together");
		this.trail = trail;
		this.transactions = transactions;
	}

	/**
	 * An audit that records nothing.
	 * @return the audit
	 */
	public static ConnectionAudit none() {
		return new ConnectionAudit(null, null);
	}

	/**
	 * Record that a user connected.
	 * @param connection the connection
	 * @param user the user
	 */
	public void connected(String connection, String user) {
		if (this.trail != null) {
			this.trail.connection("CONNECTION_SIGN_IN", user, connection);
		}
	}

	void signedOut(String connection, String user, Revocation revocation) {
		if (this.trail != null) {
			this.trail.connection(
					(revocation == Revocation.FAILED) ? "CONNECTION_SIGN_OUT_UNREVOKED" : "CONNECTION_SIGN_OUT", user,
					connection);
		}
	}

	void inTransaction(Runnable change) {
		if (this.transactions != null) {
			this.transactions.executeWithoutResult((status) -> change.run());
		}
		else {
			change.run();
		}
	}

}
