package io.github.permissionmanager.decide;

import org.jspecify.annotations.Nullable;

import org.springframework.expression.AccessException;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.EvaluationException;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.TypedValue;

/**
 * What a condition reads as {@code userSets} or {@code resourceSets}: whether the check's
 * subject or resource is in a set, read by the set's name ({@code resourceSets['drafts']}
 * or {@code resourceSets.drafts}) and evaluated against the same input as the condition
 * naming it. A set that is not configured, and a set whose condition fails or answers no
 * boolean, is an error (the condition naming it does not hold, even negated); a resource
 * of another type, or no resource, is not in a resource set.
 */
final class SetMembership {

	static final PropertyAccessor ACCESSOR = new Accessor();

	private final PolicySets sets;

	private final PolicySets.Kind kind;

	// the resource's type, or null for an unscoped check
	private final @Nullable String resourceType;

	SetMembership(PolicySets sets, PolicySets.Kind kind, @Nullable String resourceType) {
		this.sets = sets;
		this.kind = kind;
		this.resourceType = resourceType;
	}

	// EvaluationException, not AccessException: SpEL would report the latter as "indexing
	// not supported", hiding which set is missing from an explanation
	private boolean contains(EvaluationContext context, String name) {
		PolicySets.Named set = (this.kind == PolicySets.Kind.USER) ? this.sets.userSet(name)
				: this.sets.resourceSet(name);
		String what = ((this.kind == PolicySets.Kind.USER) ? "user set '" : "resource set '") + name + "'";
		if (set == null) {
			throw new EvaluationException("no " + what + " is configured");
		}
		if (this.kind == PolicySets.Kind.RESOURCE
				&& (this.resourceType == null || !this.resourceType.equals(set.type()))) {
			return false;
		}
		Object value = set.expression().getValue(context);
		if (value instanceof Boolean member) {
			return member;
		}
		throw new EvaluationException(what + " answered "
				+ ((value != null) ? "a " + value.getClass().getSimpleName() : "null") + ", not a boolean");
	}

	@Override
	public String toString() {
		return this.kind.root();
	}

	/**
	 * Reads membership by a set's name; nothing else about the object is readable.
	 */
	private static final class Accessor implements PropertyAccessor {

		@Override
		public Class<?>[] getSpecificTargetClasses() {
			return new Class<?>[] { SetMembership.class };
		}

		@Override
		public boolean canRead(EvaluationContext context, @Nullable Object target, String name) {
			return target instanceof SetMembership;
		}

		@Override
		public TypedValue read(EvaluationContext context, @Nullable Object target, String name) throws AccessException {
			if (!(target instanceof SetMembership membership)) {
				throw new AccessException("no sets");
			}
			return new TypedValue(membership.contains(context, name));
		}

		@Override
		public boolean canWrite(EvaluationContext context, @Nullable Object target, String name) {
			return false;
		}

		@Override
		public void write(EvaluationContext context, @Nullable Object target, String name, @Nullable Object newValue)
				throws AccessException {
			throw new AccessException("sets are read-only");
		}

	}

}
