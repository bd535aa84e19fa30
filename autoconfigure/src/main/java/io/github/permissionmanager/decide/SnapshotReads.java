package io.github.permissionmanager.decide;

import java.util.Set;
import java.util.function.Supplier;

import io.github.permissionmanager.Consistency;
import io.github.permissionmanager.PermissionEvaluationException;
import io.github.permissionmanager.Subject;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The reads of a local grant store: a requirement is honoured by the snapshots' trust
 * (answered from the cache when this instance has applied the change log up to its
 * token), and objects are listed from the subject's grant snapshot.
 */
final class SnapshotReads implements ConsistentReads {

	private final GrantSnapshotCache snapshots;

	SnapshotReads(GrantSnapshotCache snapshots) {
		Assert.notNull(snapshots, "snapshots cannot be null");
		this.snapshots = snapshots;
	}

	@Override
	public <T> T honouring(Consistency consistency, Supplier<T> action) {
		return this.snapshots.trust().honouring(consistency, action);
	}

	@Override
	public Set<String> objectIds(Subject subject, String permission, String resourceType, @Nullable String tenant,
			@Nullable Consistency consistency) {
		try {
			if (consistency != null) {
				return honouring(consistency,
						() -> this.snapshots.objectIds(subject, permission, resourceType, tenant));
			}
			return this.snapshots.objectIds(subject, permission, resourceType, tenant);
		}
		catch (RuntimeException ex) {
			throw new PermissionEvaluationException(
					"Could not list the " + resourceType + " objects '" + subject.id() + "' may " + permission, ex);
		}
	}

}
