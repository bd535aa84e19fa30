package io.github.permissionmanager.decide;

import java.util.List;
import java.util.Map;

import io.github.permissionmanager.Decision;
import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.PermissionEvaluator;
import io.github.permissionmanager.PermissionRequest;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.ResourceAttributesResolver;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.SubjectAttributesResolver;
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
 * {@link Resource#ofType(String)} is covered only by type-wide and global grants. A
 * conditional grant covers a request the same way and only when its condition holds
 * ({@link GrantConditions}); it is asked only when no unconditional grant allows.
 * Failures of the store propagate, so the decision path treats them as denials.
 */
public final class DefaultPermissionEvaluator implements PermissionEvaluator {

	private final GrantSnapshotCache snapshots;

	private final GrantImplication implication;

	private final ConditionalGrants.Inputs inputs;

	private final @Nullable ClaimGrants claims;

	/**
	 * Create an evaluator whose grant conditions read the attributes the subject and the
	 * resource carry.
	 * @param snapshots the per-subject grant snapshots
	 */
	public DefaultPermissionEvaluator(GrantSnapshotCache snapshots) {
		this(snapshots, null, null);
	}

	/**
	 * Create an evaluator whose grant conditions read persisted attributes too,
	 * overridden by those the subject and the resource carry.
	 * @param snapshots the per-subject grant snapshots
	 * @param subjectAttributes the persisted attributes of subjects, or {@code null}
	 * @param resourceAttributes the persisted attributes of resources, or {@code null}
	 */
	public DefaultPermissionEvaluator(GrantSnapshotCache snapshots,
			@Nullable SubjectAttributesResolver subjectAttributes,
			@Nullable ResourceAttributesResolver resourceAttributes) {
		this(snapshots, subjectAttributes, resourceAttributes, null);
	}

	/**
	 * Create an evaluator that also allows by the permissions a JWT claim carries.
	 * @param snapshots the per-subject grant snapshots
	 * @param subjectAttributes the persisted attributes of subjects, or {@code null}
	 * @param resourceAttributes the persisted attributes of resources, or {@code null}
	 * @param claims the permissions of a JWT claim, read at every check when no other
	 * grant allows, or {@code null}
	 */
	public DefaultPermissionEvaluator(GrantSnapshotCache snapshots,
			@Nullable SubjectAttributesResolver subjectAttributes,
			@Nullable ResourceAttributesResolver resourceAttributes, @Nullable ClaimGrants claims) {
		Assert.notNull(snapshots, "snapshots cannot be null");
		this.snapshots = snapshots;
		this.claims = claims;
		this.implication = snapshots.implication();
		PolicySets sets = this.implication.conditions().sets();
		// built once: a check passes what it has, nothing is captured per call
		this.inputs = (subject, resource, context) -> ConditionInput.of(subject, resource, context,
				persisted((subjectAttributes != null) ? subjectAttributes.attributes(subject) : null),
				persisted((resource != null && resourceAttributes != null) ? resourceAttributes.attributes(resource)
						: null),
				sets);
	}

	private static Map<String, Object> persisted(@Nullable Map<String, Object> attributes) {
		return (attributes != null) ? attributes : Map.of();
	}

	@Override
	public Decision evaluate(PermissionRequest request) {
		Subject subject = request.subject();
		GrantImplication.Requested requested = this.implication.requestedOrNull(request.permission());
		if (requested == null) {
			return denial(subject, request.permission(), request.resource(), request.context());
		}
		// one snapshot for the answer and its explanation, loaded once even uncached
		GrantSnapshot snapshot = this.snapshots.get(subject);
		Decision allow = allow(snapshot, requested, subject, request.resource(), request.context());
		return (allow != null) ? allow : denial(subject, requested, request.resource(), request.context(), snapshot);
	}

	/**
	 * The allow of a grant that covers the request, prebuilt in the subject's snapshot,
	 * or {@code null} for a denial (a permission that cannot be parsed included): a
	 * cached check allocates nothing.
	 * @param subject who asks
	 * @param permission the permission
	 * @param resource the resource, or {@code null} for an unscoped check
	 * @param context what was resolved for the call, for grant conditions
	 * @return the allow, or {@code null}
	 */
	@Nullable Decision allowOf(Subject subject, String permission, @Nullable Resource resource, PermissionContext context) {
		GrantImplication.Requested requested = this.implication.requestedOrNull(permission);
		return (requested != null) ? allow(this.snapshots.get(subject), requested, subject, resource, context) : null;
	}

	private @Nullable Decision allow(GrantSnapshot snapshot, GrantImplication.Requested requested, Subject subject,
			@Nullable Resource resource, PermissionContext context) {
		Decision allow = snapshot.allow(requested, resource, subject, context, this.inputs);
		if (allow == null && this.claims != null) {
			GrantAllow claimed = this.claims.allow(subject, requested);
			return (claimed != null) ? claimed.decision() : null;
		}
		return allow;
	}

	/**
	 * The grant that allows the request, as {@link #allowOf} finds it, without building
	 * its decision; {@code null} for a denial.
	 * @param subject who asks
	 * @param permission the permission
	 * @param resource the resource, or {@code null} for an unscoped check
	 * @param context what was resolved for the call, for grant conditions
	 * @return the grant's allow, or {@code null}
	 */
	@Nullable GrantAllow allowing(Subject subject, String permission, @Nullable Resource resource, PermissionContext context) {
		// With JWT claims configured, an answer depends on the token too: no memo then
		ClaimGrants claims = this.claims;
		if (claims == null) {
			DecisionMemo.Entry memoized = this.snapshots.memoized(subject, permission, resource);
			if (memoized != null) {
				// The memo keeps what unconditional grants answer and which conditional
				// ones cover the check; their conditions are evaluated with this check's
				// attributes and context
				GrantAllow allow = memoized.allow();
				if (allow != null) {
					return allow;
				}
				ConditionalGrants.Covering conditional = memoized.conditional();
				return (conditional != null) ? conditional.match(subject, resource, context, this.inputs) : null;
			}
		}
		GrantImplication.Requested requested = this.implication.requestedOrNull(permission);
		if (requested == null) {
			return null;
		}
		GrantSnapshot snapshot = this.snapshots.get(subject);
		GrantAllow allow = snapshot.allowing(requested, resource);
		if (claims == null) {
			ConditionalGrants.Covering conditional = (allow == null) ? snapshot.covering(requested, resource) : null;
			this.snapshots.memoize(subject, permission, resource, snapshot, allow, conditional);
			if (allow == null && conditional != null) {
				allow = conditional.match(subject, resource, context, this.inputs);
			}
			return allow;
		}
		if (allow == null) {
			allow = snapshot.conditionalAllowing(requested, resource, subject, context, this.inputs);
		}
		return (allow == null) ? claims.allow(subject, requested) : allow;
	}

	/**
	 * The denial {@link #allowOf} answered {@code null} for, with what was asked: for an
	 * explanation, an event or a log line.
	 * @param subject who asks
	 * @param permission the permission
	 * @param resource the resource, or {@code null} for an unscoped check
	 * @param context what was resolved for the call, for grant conditions
	 * @return the denial, naming what each conditional grant that covers the request made
	 * of its condition
	 */
	Decision denial(Subject subject, String permission, @Nullable Resource resource, PermissionContext context) {
		GrantImplication.Requested requested;
		try {
			requested = this.implication.requested(permission);
		}
		catch (IllegalArgumentException ex) {
			return Decision.deny(DecisionText.invalid(permission, ex), List.of(permission));
		}
		return denial(subject, requested, resource, context, this.snapshots.get(subject));
	}

	private Decision denial(Subject subject, GrantImplication.Requested requested, @Nullable Resource resource,
			PermissionContext context, GrantSnapshot snapshot) {
		String denied = DecisionText.denied(subject, requested.text(), resource);
		List<String> conditions;
		try {
			conditions = snapshot.explainConditions(requested, resource, subject, context, this.inputs);
		}
		catch (RuntimeException ex) {
			// an attributes resolver that fails while a denial is explained: still a
			// denial
			conditions = List.of("conditions could not be evaluated: " + ex.getClass().getSimpleName());
		}
		if (!conditions.isEmpty()) {
			denied = denied + "; " + String.join("; ", conditions);
		}
		return new Decision(false, denied, null, requested.missing());
	}

}
