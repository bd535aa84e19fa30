package io.github.permissionmanager.decide;

import java.util.Set;

import org.springframework.util.Assert;

/**
 * Which objects of one resource type a subject may act on with one permission, as its
 * grant snapshot answers it: every object (a grant on the whole type or on every resource
 * covers the request), or exactly the objects its object grants name.
 * <p>
 * It also says how to find those objects in the grant table instead of listing them: the
 * grants of the user or of one of {@code groups} on an object, whose permission is one of
 * {@code permissions}, admit exactly the listed objects (each listed object has such a
 * grant, and every such grant implies the requested permission, since implication depends
 * on the permission string alone). A grant that allows only under a condition must never
 * be listed here: a query built from this answer admits its object unconditionally.
 *
 * @param all whether every object of the type is allowed
 * @param ids the allowed object ids when not {@code all}; empty when {@code all}
 * @param permissions permission strings of grants that imply the request, at least one
 * for each listed object; empty when {@code all}
 * @param groups the groups whose grants count (the subject's own and its store
 * memberships); empty when {@code all}
 */
public record PermittedObjects(boolean all, Set<String> ids, Set<String> permissions, Set<String> groups) {

	private static final PermittedObjects ALL = new PermittedObjects(true, Set.of(), Set.of(), Set.of());

	private static final PermittedObjects NONE = new PermittedObjects(false, Set.of(), Set.of(), Set.of());

	public PermittedObjects {
		Assert.notNull(ids, "ids cannot be null");
		Assert.notNull(permissions, "permissions cannot be null");
		Assert.notNull(groups, "groups cannot be null");
		Assert.isTrue(!all || (ids.isEmpty() && permissions.isEmpty()),
				"ids must be empty when every object is allowed");
		Assert.isTrue(ids.isEmpty() || !permissions.isEmpty(), "objects are listed with the permissions allowing them");
		ids = Set.copyOf(ids);
		permissions = Set.copyOf(permissions);
		groups = Set.copyOf(groups);
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
	 * @param permissions the permissions of grants allowing them, at least one per object
	 * @param groups the groups whose grants count
	 * @return the answer
	 */
	public static PermittedObjects only(Set<String> ids, Set<String> permissions, Set<String> groups) {
		return ids.isEmpty() ? NONE : new PermittedObjects(false, ids, permissions, groups);
	}

}
