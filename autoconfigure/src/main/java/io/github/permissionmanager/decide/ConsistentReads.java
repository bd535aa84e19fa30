package io.github.permissionmanager.decide;

import java.util.Set;
import java.util.function.Supplier;

import io.github.permissionmanager.Consistency;
import io.github.permissionmanager.PermissionEvaluationException;
import io.github.permissionmanager.Subject;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link DefaultPermissionManager} asks besides the decision path: where a
 * consistency requirement is honoured and where the objects a subject may act on are
 * listed. The grant snapshots of a local store ({@link #of(GrantSnapshotCache)}) are one,
 * a remote decision point
 * ({@link io.github.permissionmanager.remote.RemotePermissionEvaluator}) is the other.
 */
public interface ConsistentReads {

	/**
	 * Run something whose checks on this thread honour a consistency requirement.
	 * @param <T> the result type
	 * @param consistency the requirement
	 * @param action what to run
	 * @return its result
	 */
	<T> T honouring(Consistency consistency, Supplier<T> action);

	/**
	 * The objects of a type a subject may act on, named by object grants.
	 * @param subject the subject
	 * @param permission the permission
	 * @param resourceType the resource type
	 * @param tenant the tenant, or {@code null}
	 * @param consistency a requirement, or {@code null}
	 * @return the ids
	 * @throws PermissionEvaluationException when they cannot be listed
	 */
	Set<String> objectIds(Subject subject, String permission, String resourceType, @Nullable String tenant,
			@Nullable Consistency consistency);

	/**
	 * The reads of a local grant store.
	 * @param snapshots the store's grant snapshots
	 * @return the reads
	 */
	static ConsistentReads of(GrantSnapshotCache snapshots) {
		return new SnapshotReads(snapshots);
	}

}
