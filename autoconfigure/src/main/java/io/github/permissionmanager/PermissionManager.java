package io.github.permissionmanager;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Programmatic checks (Permit's {@code check}, Open Event's {@code has_access}) and the
 * objects a subject may act on, for list endpoints.
 * <p>
 * Checks without a {@link Consistency} read this instance's cache, which follows changes
 * made on every instance within {@code permission-manager.cache.sync.max-staleness} (or
 * is not used). The overloads that take one are at least as fresh as a
 * {@link ConsistencyToken} returned by {@link PermissionGrants}, or read the store
 * ({@link Consistency#full()}); so are the {@code objectIds} overloads that take one.
 * <p>
 * The overloads without a user or subject ask about the current user, built exactly as a
 * guarded call builds it (see {@link #currentSubject()}).
 */
public interface PermissionManager {

	/**
	 * The current user as the subject of a check, built exactly as a
	 * {@code @RequiresPermissions} call builds it: the authenticated user's name, the
	 * groups its authorities name and its JWT claims as attributes (the grant store's
	 * memberships count in every decision, as for any subject).
	 * @return the current subject
	 * @throws AuthenticationRequiredException when nobody is authenticated (an anonymous
	 * or nameless caller is nobody): a 401 in Spring MVC
	 * @throws PermissionEvaluationException when this manager cannot read the current
	 * user (this default)
	 */
	default Subject currentSubject() {
		throw new PermissionEvaluationException(
				getClass().getName() + " cannot read the current user: ask with a Subject instead");
	}

	/**
	 * Whether the current user holds a permission, unscoped (only grants with no resource
	 * type match).
	 * @param permission the permission
	 * @return whether it is allowed
	 * @throws AuthenticationRequiredException when nobody is authenticated
	 */
	default boolean check(String permission) {
		return check(currentSubject(), permission, null);
	}

	/**
	 * Whether the current user holds a permission on a resource.
	 * @param permission the permission
	 * @param resource the resource
	 * @return whether it is allowed
	 * @throws AuthenticationRequiredException when nobody is authenticated
	 */
	default boolean check(String permission, Resource resource) {
		return check(currentSubject(), permission, resource);
	}

	/**
	 * Why the current user does or does not hold a permission, unscoped.
	 * @param permission the permission
	 * @return the decision with its reason
	 * @throws AuthenticationRequiredException when nobody is authenticated
	 */
	default Decision explain(String permission) {
		return explain(currentSubject(), permission, null);
	}

	/**
	 * Why the current user does or does not hold a permission on a resource.
	 * @param permission the permission
	 * @param resource the resource
	 * @return the decision with its reason
	 * @throws AuthenticationRequiredException when nobody is authenticated
	 */
	default Decision explain(String permission, Resource resource) {
		return explain(currentSubject(), permission, resource);
	}

	/**
	 * The ids of the objects of a type the current user may act on with a permission,
	 * through its own grants and those of its groups (authorities and store memberships
	 * alike).
	 * @param permission the permission
	 * @param resourceType the resource type
	 * @return the object ids named by grants that allow it
	 * @throws AuthenticationRequiredException when nobody is authenticated
	 */
	default Set<String> objectIds(String permission, String resourceType) {
		return objectIds(currentSubject(), permission, resourceType, null);
	}

	/**
	 * Whether a user holds a permission, unscoped (only grants with no resource type
	 * match).
	 * @param user the user id
	 * @param permission the permission
	 * @return whether it is allowed
	 */
	default boolean check(String user, String permission) {
		return check(Subject.of(user), permission, null);
	}

	/**
	 * Whether a user holds a permission on a resource.
	 * @param user the user id
	 * @param permission the permission
	 * @param resource the resource
	 * @return whether it is allowed
	 */
	default boolean check(String user, String permission, Resource resource) {
		return check(Subject.of(user), permission, resource);
	}

	/**
	 * Whether a subject holds a permission on a resource. Any failure is a denial.
	 * @param subject the subject
	 * @param permission the permission
	 * @param resource the resource, or {@code null} for an unscoped check
	 * @return whether it is allowed
	 */
	default boolean check(Subject subject, String permission, @Nullable Resource resource) {
		return explain(subject, permission, resource).allowed();
	}

	/**
	 * Whether a user holds a permission on a resource, with a consistency requirement.
	 * @param user the user id
	 * @param permission the permission
	 * @param resource the resource, or {@code null} for an unscoped check
	 * @param consistency how fresh the grants read must be
	 * @return whether it is allowed
	 */
	default boolean check(String user, String permission, @Nullable Resource resource, Consistency consistency) {
		return check(Subject.of(user), permission, resource, consistency);
	}

	/**
	 * Whether a subject holds a permission on a resource, with a consistency requirement.
	 * Any failure is a denial.
	 * @param subject the subject
	 * @param permission the permission
	 * @param resource the resource, or {@code null} for an unscoped check
	 * @param consistency how fresh the grants read must be
	 * @return whether it is allowed
	 */
	default boolean check(Subject subject, String permission, @Nullable Resource resource, Consistency consistency) {
		return explain(subject, permission, resource, consistency).allowed();
	}

	/**
	 * Why a subject does or does not hold a permission on a resource, with a consistency
	 * requirement. A manager that cannot honour requirements denies (this default), so a
	 * requirement is never silently ignored.
	 * @param subject the subject
	 * @param permission the permission
	 * @param resource the resource, or {@code null} for an unscoped check
	 * @param consistency how fresh the grants read must be
	 * @return the decision with its reason
	 */
	default Decision explain(Subject subject, String permission, @Nullable Resource resource, Consistency consistency) {
		return Decision.deny("this PermissionManager cannot honour a consistency requirement (" + consistency + ")");
	}

	/**
	 * Why a user does or does not hold a permission, unscoped.
	 * @param user the user id
	 * @param permission the permission
	 * @return the decision with its reason
	 */
	default Decision explain(String user, String permission) {
		return explain(Subject.of(user), permission, null);
	}

	/**
	 * Why a user does or does not hold a permission on a resource.
	 * @param user the user id
	 * @param permission the permission
	 * @param resource the resource
	 * @return the decision with its reason
	 */
	default Decision explain(String user, String permission, Resource resource) {
		return explain(Subject.of(user), permission, resource);
	}

	/**
	 * Why a subject does or does not hold a permission on a resource: the grant that
	 * matched, or what was missing. Any failure is a denial.
	 * @param subject the subject
	 * @param permission the permission
	 * @param resource the resource, or {@code null} for an unscoped check
	 * @return the decision with its reason
	 */
	Decision explain(Subject subject, String permission, @Nullable Resource resource);

	/**
	 * The ids of the objects of a type the subject may act on with a permission. When a
	 * grant covers every object of the type, the answer cannot be listed: see
	 * {@link #check(Subject, String, Resource)} with {@link Resource#ofType(String)}
	 * first.
	 * @param subject the subject
	 * @param permission the permission
	 * @param resourceType the resource type
	 * @return the object ids named by grants that allow it
	 */
	default Set<String> objectIds(Subject subject, String permission, String resourceType) {
		return objectIds(subject, permission, resourceType, null);
	}

	/**
	 * The ids of the objects of a type, in a tenant, the subject may act on.
	 * @param subject the subject
	 * @param permission the permission
	 * @param resourceType the resource type
	 * @param tenant the tenant, or {@code null} for none
	 * @return the object ids named by grants that allow it (grants with a condition are
	 * never counted: a list never holds an object a check would refuse)
	 */
	Set<String> objectIds(Subject subject, String permission, String resourceType, @Nullable String tenant);

	/**
	 * The ids of the objects of a type, in a tenant, the subject may act on, at least as
	 * fresh as a consistency requirement: as for
	 * {@link #check(Subject, String, Resource, Consistency)}, from the cache when this
	 * instance has followed the change log up to the token, read from the store
	 * otherwise. A manager that cannot honour requirements refuses (this default), so a
	 * requirement is never silently ignored.
	 * @param subject the subject
	 * @param permission the permission
	 * @param resourceType the resource type
	 * @param tenant the tenant, or {@code null} for none
	 * @param consistency how fresh the grants read must be
	 * @return the object ids named by grants that allow it
	 * @throws PermissionEvaluationException when the requirement cannot be honoured
	 */
	default Set<String> objectIds(Subject subject, String permission, String resourceType, @Nullable String tenant,
			Consistency consistency) {
		throw new PermissionEvaluationException(
				"this PermissionManager cannot honour a consistency requirement (" + consistency + ")");
	}

}
