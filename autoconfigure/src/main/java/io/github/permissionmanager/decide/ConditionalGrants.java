package io.github.permissionmanager.decide;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import org.jspecify.annotations.Nullable;

import org.springframework.expression.Expression;

/**
 * The conditional grants of a {@link GrantSnapshot}, kept apart from its scope index: a
 * check reads them only when no unconditional grant allows it, and a snapshot without any
 * has none of this. They are few per subject, so they are scanned in order: the first
 * whose scope and permission cover the request and whose condition holds allows.
 * <p>
 * Nothing that lists objects reads them (object ids, list filters): a list never includes
 * an object a check would refuse, at the price of leaving out objects only a condition
 * allows.
 */
final class ConditionalGrants {

	private final List<Entry> entries = new ArrayList<>(2);

	void add(Grant grant, GrantImplication.Held held, Expression condition, @Nullable String source) {
		this.entries.add(new Entry(grant, held, condition, FastCondition.of(condition),
				new GrantAllow(grant, held.role(), source)));
	}

	/**
	 * The allow of the first conditional grant that covers the request and whose
	 * condition holds, or {@code null}.
	 * @param permission the requested permission
	 * @param resource the resource, or {@code null} for an unscoped check
	 * @param subject who asks
	 * @param context what was resolved for the call
	 * @param inputs builds what the conditions read, at most once and only when a grant
	 * covers the request
	 * @return the allow, or {@code null}
	 */
	@Nullable GrantAllow match(GrantImplication.Requested permission, @Nullable Resource resource, Subject subject,
			PermissionContext context, Inputs inputs) {
		ConditionInput input = null;
		for (Entry entry : this.entries) {
			if (!entry.covers(permission, resource)) {
				continue;
			}
			if (input == null) {
				input = inputs.input(subject, resource, context);
			}
			if (entry.holds(input)) {
				return entry.allow();
			}
		}
		return null;
	}

	/**
	 * The conditional grants that cover a request, in order, whatever their conditions: a
	 * function of the snapshot and the request alone (the permission as parsed and the
	 * resource's type, id and tenant), so the memo keeps it with the request's entry and
	 * a check it answers evaluates conditions without matching scopes and permissions
	 * again.
	 * @param permission the requested permission
	 * @param resource the resource, or {@code null} for an unscoped check
	 * @return the grants that cover it, or {@code null} when none does
	 */
	@Nullable Covering covering(GrantImplication.Requested permission, @Nullable Resource resource) {
		List<Entry> covering = null;
		for (Entry entry : this.entries) {
			if (entry.covers(permission, resource)) {
				if (covering == null) {
					covering = new ArrayList<>(this.entries.size());
				}
				covering.add(entry);
			}
		}
		return (covering != null) ? new Covering(covering.toArray(new Entry[0])) : null;
	}

	/**
	 * What each conditional grant that covers the request made of its condition, for a
	 * denial's explanation.
	 * @param permission the requested permission
	 * @param resource the resource, or {@code null}
	 * @param subject who asks
	 * @param context what was resolved for the call
	 * @param inputs builds what the conditions read
	 * @return one line per covering grant, empty when none covers it
	 */
	List<String> explain(GrantImplication.Requested permission, @Nullable Resource resource, Subject subject,
			PermissionContext context, Inputs inputs) {
		List<String> lines = new ArrayList<>();
		ConditionInput input = null;
		for (Entry entry : this.entries) {
			if (entry.covers(permission, resource)) {
				if (input == null) {
					input = inputs.input(subject, resource, context);
				}
				lines.add(DecisionText.allowed(entry.grant(), entry.held().role()) + " "
						+ GrantConditions.outcome(entry.condition(), input));
			}
		}
		return lines;
	}

	/**
	 * The conditional grants of a snapshot that cover one request, in the snapshot's
	 * order; immutable.
	 */
	static final class Covering {

		private final Entry[] entries;

		private Covering(Entry[] entries) {
			this.entries = entries;
		}

		/**
		 * The allow of the first of these grants whose condition holds, or {@code null}:
		 * what {@link ConditionalGrants#match} answers for the request they cover.
		 * @param subject who asks
		 * @param resource the resource of the request they cover, with its just-in-time
		 * attributes
		 * @param context what was resolved for the call
		 * @param inputs builds what the conditions read, once
		 * @return the allow, or {@code null}
		 */
		@Nullable GrantAllow match(Subject subject, @Nullable Resource resource, PermissionContext context, Inputs inputs) {
			ConditionInput input = inputs.input(subject, resource, context);
			for (Entry entry : this.entries) {
				if (entry.holds(input)) {
					return entry.allow();
				}
			}
			return null;
		}

		/**
		 * How many grants cover the request.
		 * @return the count, at least one
		 */
		int size() {
			return this.entries.length;
		}

	}

	/**
	 * Builds the input of a check's conditions when first needed.
	 */
	@FunctionalInterface
	interface Inputs {

		ConditionInput input(Subject subject, @Nullable Resource resource, PermissionContext context);

	}

	private record Entry(Grant grant, GrantImplication.Held held, Expression condition, @Nullable FastCondition fast,
			GrantAllow allow) {

		// the common shape without SpEL; anything else (and every explanation) with it
		boolean holds(ConditionInput input) {
			FastCondition fast = this.fast;
			if (fast == null) {
				return GrantConditions.holds(this.condition, input);
			}
			try {
				return fast.evaluate(input) == FastCondition.TRUE;
			}
			catch (RuntimeException ex) {
				// an attribute's own toString that fails: the grant does not apply
				return false;
			}
		}

		// The scope rules of the index, for one grant: an unscoped check only by grants
		// with no type and no tenant; no type covers every resource, a type without an
		// id every object of the type, no tenant every tenant
		boolean covers(GrantImplication.Requested permission, @Nullable Resource resource) {
			if (resource == null) {
				if (this.grant.resourceType() != null || this.grant.tenant() != null) {
					return false;
				}
			}
			else {
				if (this.grant.tenant() != null && !this.grant.tenant().equals(resource.tenant())) {
					return false;
				}
				String type = this.grant.resourceType();
				if (type != null && (!type.equals(resource.type()) || (this.grant.resourceId() != null
						&& !Objects.equals(this.grant.resourceId(), resource.id())))) {
					return false;
				}
			}
			return this.held.implies(permission);
		}

	}

}
