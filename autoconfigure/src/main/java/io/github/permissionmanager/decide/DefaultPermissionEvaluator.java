package io.github.permissionmanager.decide;

import java.util.List;

import io.github.permissionmanager.Decision;
import io.github.permissionmanager.PermissionEvaluator;
import io.github.permissionmanager.PermissionRequest;
import io.github.permissionmanager.Resource;

import org.springframework.util.Assert;

/**
 * The default {@link PermissionEvaluator}: reads the subject's grants (its own, its store
 * groups' and the groups it carries) through the {@link GrantSnapshotCache} and allows
 * when one covers the request.
 * <p>
 * A grant covers a request when its permission implies the requested one (wildcards and
 * roles as {@link GrantImplication} reads them: a role name asked for means the role) and
 * its scope contains the resource: no type covers every resource, a type without an id
 * every object of the type, no tenant every tenant. An unscoped request (no resource) is
 * covered only by grants with no resource type and no tenant.
 * {@link Resource#ofType(String)} is covered only by type-wide and global grants.
 * Failures of the store propagate, so the decision path treats them as denials.
 */
public final class DefaultPermissionEvaluator implements PermissionEvaluator {

	private final GrantSnapshotCache snapshots;

	private final GrantImplication implication;

	/**
	 * Create an evaluator.
	 * @param snapshots the per-subject grant snapshots
	 */
	public DefaultPermissionEvaluator(GrantSnapshotCache snapshots) {
		Assert.notNull(snapshots, "snapshots cannot be null");
		this.snapshots = snapshots;
		this.implication = snapshots.implication();
	}

	@Override
	public Decision evaluate(PermissionRequest request) {
		GrantImplication.Requested requested;
		try {
			requested = this.implication.requested(request.permission());
		}
		catch (IllegalArgumentException ex) {
			return Decision.deny(DecisionText.invalid(request.permission(), ex), List.of(request.permission()));
		}
		// An allow is prebuilt with the snapshot; a denial names what was asked, for
		// explain()
		Decision allow = this.snapshots.get(request.subject()).match(requested, request.resource());
		return (allow != null) ? allow
				: new Decision(false, DecisionText.denied(request.subject(), requested.text(), request.resource()),
						null, requested.missing());
	}

}
