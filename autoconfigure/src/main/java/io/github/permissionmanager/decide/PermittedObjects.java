package io.github.permissionmanager.decide;

import java.util.Set;

import org.springframework.util.Assert;

/**
 * Which objects of one resource type a subject may act on with one permission, as its
 * grant snapshot answers it: every object (a grant on the whole type or on every resource
 * covers the request), or exactly the objects its object grants name.
 *
 * @param all whether every object of the type is allowed
 * @param ids the allowed object ids when not {@code all}; empty when {@code all}
 */
public record PermittedObjects(boolean all, Set<String> ids) {

	private static final PermittedObjects ALL = new PermittedObjects(true, Set.of());

	private static final PermittedObjects NONE = new PermittedObjects(false, Set.of());

	public PermittedObjects {
		Assert.notNull(ids, "ids cannot be null");
		Assert.isTrue(!all || ids.isEmpty(), "ids must be empty when every object is allowed");
		ids = Set.copyOf(ids);
	}

	/**
	 * Every object of the type.
	 * @return the answer
	 */
	public static PermittedObjects every() {
		return ALL;
	}

	/**
	 * No object at all.
	 * @return the answer
	 */
	public static PermittedObjects none() {
		return NONE;
	}

	/**
	 * Exactly these objects.
	 * @param ids the object ids
	 * @return the answer
	 */
	public static PermittedObjects only(Set<String> ids) {
		return ids.isEmpty() ? NONE : new PermittedObjects(false, ids);
	}

}
