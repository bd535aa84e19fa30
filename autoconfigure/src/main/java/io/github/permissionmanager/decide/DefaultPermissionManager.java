package io.github.permissionmanager.decide;

import java.util.Set;

import io.github.permissionmanager.Decision;
import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.PermissionEvaluationException;
import io.github.permissionmanager.PermissionManager;
import io.github.permissionmanager.PermissionRequest;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The default {@link PermissionManager}: checks and explanations go through the
 * {@link DecisionService}, like annotated checks, so they are published as events and any
 * failure is a denial; {@link #objectIds} reads the subject's grant snapshot.
 * <p>
 * {@code objectIds} lists only the objects named by object grants. When a grant covers
 * the whole type (or every resource), the objects cannot be listed from grants: check
 * {@code Resource.ofType(type)} first, and when it is allowed, list every object.
 */
public final class DefaultPermissionManager implements PermissionManager {

	private final DecisionService decisions;

	private final @Nullable GrantSnapshotCache snapshots;

	/**
	 * Create a manager.
	 * @param decisions the decision path
	 * @param snapshots the grant snapshots {@link #objectIds} reads, or {@code null} when
	 * there is no grant store
	 */
	public DefaultPermissionManager(DecisionService decisions, @Nullable GrantSnapshotCache snapshots) {
		Assert.notNull(decisions, "decisions cannot be null");
		this.decisions = decisions;
		this.snapshots = snapshots;
	}

	@Override
	public Decision explain(Subject subject, String permission, @Nullable Resource resource) {
		return this.decisions
			.decideOrDeny(new PermissionRequest(subject, permission, resource, PermissionContext.empty()));
	}

	/**
	 * {@inheritDoc}
	 * @throws PermissionEvaluationException when the store fails, there is no store, or
	 * the permission cannot be parsed
	 */
	@Override
	public Set<String> objectIds(Subject subject, String permission, String resourceType, @Nullable String tenant) {
		Assert.notNull(subject, "subject cannot be null");
		Assert.hasText(resourceType, "resourceType cannot be empty");
		if (this.snapshots == null) {
			throw new PermissionEvaluationException("objectIds needs the grant store, and there is none");
		}
		try {
			return this.snapshots.objectIds(subject, permission, resourceType, tenant);
		}
		catch (RuntimeException ex) {
			throw new PermissionEvaluationException(
					"Could not list the " + resourceType + " objects '" + subject.id() + "' may " + permission, ex);
		}
	}

}
