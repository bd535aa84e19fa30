package io.github.permissionmanager.store;

import java.util.Set;

import io.github.permissionmanager.ConsistencyToken;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.decide.GrantChangeListener;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What every change of {@link JdbcPermissionGrants} does besides writing its rows: drops
 * this instance's cached decisions about the grantees now (for checks in the same
 * transaction) and again once the transaction completes (for snapshots other threads
 * loaded meanwhile), and writes the change log rows other instances follow, in the
 * transaction.
 */
final class ChangeRecorder {

	private final GrantChangeListener listener;

	private final ChangeLog log;

	ChangeRecorder(GrantChangeListener listener, ChangeLog log) {
		this.listener = listener;
		this.log = log;
	}

	ConsistencyToken changed(Set<Grantee> grantees) {
		if (grantees.isEmpty()) {
			return unchanged();
		}
		notifyListener(grantees);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					notifyListener(grantees);
				}
			});
		}
		return new ConsistencyToken(this.log.append(grantees));
	}

	// Nothing changed: the state the caller relies on is already in the store, at or
	// before the latest change
	ConsistencyToken unchanged() {
		return new ConsistencyToken(this.log.latest());
	}

	private void notifyListener(Set<Grantee> grantees) {
		for (Grantee grantee : grantees) {
			if (grantee.kind() == Grantee.Kind.USER) {
				this.listener.userChanged(grantee.name());
			}
			else {
				this.listener.groupChanged(grantee.name());
			}
		}
	}

}
