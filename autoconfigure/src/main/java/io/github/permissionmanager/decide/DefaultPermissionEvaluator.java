package io.github.permissionmanager.decide;

import java.util.List;

import io.github.permissionmanager.Decision;
import io.github.permissionmanager.PermissionEvaluator;
import io.github.permissionmanager.PermissionRequest;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The default {@link PermissionEvaluator}: reads the subject's grants (its own, its store
 * groups' and the groups it carries) through the {@link GrantSnapshotCache} and allows
 * when one covers the request.
 * <p>
 * A grant covers a request when its permission implies the requested one (wildcards and
 * roles expanded) and its scope contains the resource: no type covers every resource, a
 * type without an id every object of the type, no tenant every tenant. An unscoped
 * request (no resource) is covered only by grants with no resource type and no tenant.
 * {@link Resource#ofType(String)} is covered only by type-wide and global grants.
 * Failures of the store propagate, so the decision path treats them as denials.
 */
public final class DefaultPermissionEvaluator implements PermissionEvaluator {

	private final GrantSnapshotCache snapshots;

	private final PermissionParser parser = new PermissionParser();

	/**
	 * Create an evaluator.
	 * @param snapshots the per-subject grant snapshots
	 */
	public DefaultPermissionEvaluator(GrantSnapshotCache snapshots) {
		Assert.notNull(snapshots, "snapshots cannot be null");
		this.snapshots = snapshots;
	}

	@Override
	public Decision evaluate(PermissionRequest request) {
		PermissionParser.Requested requested;
		try {
			requested = this.parser.requested(request.permission());
		}
		catch (IllegalArgumentException ex) {
			return Decision.deny("invalid permission '" + request.permission() + "': " + ex.getMessage(),
					List.of(request.permission()));
		}
		// An allow is prebuilt with the snapshot; a denial names what was asked, for
		// explain()
		Decision allow = this.snapshots.get(request.subject()).match(requested.permission(), request.resource());
		return (allow != null) ? allow : denial(request.subject(), requested, request.resource());
	}

	private static Decision denial(Subject subject, PermissionParser.Requested requested, @Nullable Resource resource) {
		StringBuilder reason = new StringBuilder(96).append("no grant of '").append(requested.text()).append('\'');
		if (resource != null) {
			if (resource.id() != null) {
				reason.append(" on ").append(resource.type()).append(" '").append(resource.id()).append('\'');
			}
			else {
				reason.append(" on every ").append(resource.type());
			}
			if (resource.tenant() != null) {
				reason.append(" in tenant '").append(resource.tenant()).append('\'');
			}
		}
		reason.append(" to user '").append(subject.id()).append("' or its groups");
		return new Decision(false, reason.toString(), null, requested.missing());
	}

}
