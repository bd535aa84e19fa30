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
		Decision allow = allowOf(request.subject(), request.permission(), request.resource());
		return (allow != null) ? allow : denial(request.subject(), request.permission(), request.resource());
	}

	/**
	 * The allow of a grant that covers the request, prebuilt in the subject's snapshot,
	 * or {@code null} for a denial (a permission that cannot be parsed included): a
	 * cached check allocates nothing.
	 * @param subject who asks
	 * @param permission the permission
	 * @param resource the resource, or {@code null} for an unscoped check
	 * @return the allow, or {@code null}
	 */
	@Nullable Decision allowOf(Subject subject, String permission, @Nullable Resource resource) {
		GrantImplication.Requested requested = this.implication.requestedOrNull(permission);
		return (requested != null) ? this.snapshots.get(subject).match(requested, resource) : null;
	}

	/**
	 * The denial {@link #allowOf} answered {@code null} for, with what was asked: for an
	 * explanation, an event or a log line.
	 * @param subject who asks
	 * @param permission the permission
	 * @param resource the resource, or {@code null} for an unscoped check
	 * @return the denial
	 */
	Decision denial(Subject subject, String permission, @Nullable Resource resource) {
		GrantImplication.Requested requested;
		try {
			requested = this.implication.requested(permission);
		}
		catch (IllegalArgumentException ex) {
			return Decision.deny(DecisionText.invalid(permission, ex), List.of(permission));
		}
		return new Decision(false, DecisionText.denied(subject, requested.text(), resource), null, requested.missing());
	}

}
