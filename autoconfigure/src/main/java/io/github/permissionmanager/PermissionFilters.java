package io.github.permissionmanager;

/**
 * List filtering in the database: "which rows may this subject see" as a Spring Data JPA
 * {@code Specification} or an SQL predicate, so that paging, sorting and counting stay in
 * the query. A row is admitted if and only if
 * {@link PermissionManager#check(Subject, String, Resource)} would allow the permission
 * on the resource the row names, by its unconditional grants: a grant with a condition
 * ({@link Grant#when(String)}) never admits a row, since SQL cannot evaluate it, so a
 * list never holds a row a check would refuse. Available as a bean when Spring Data JPA
 * and the grant store are present. <pre class="code">
 * Page&lt;Session&gt; page = sessions.findAll(
 *     filters.permitted("session:read").on("event", "event.id"), pageable);
 * </pre>
 */
public interface PermissionFilters {

	/**
	 * Filter by what the current user (Spring Security's {@code Authentication}, as
	 * checks read it) may do. The user is read each time the filter is turned into a
	 * query, and none (or an anonymous one) fails that query with
	 * {@link AuthenticationRequiredException}.
	 * @param permission the permission each row needs
	 * @return the filter, to be placed {@link PermissionFilter#on on} an attribute
	 */
	PermissionFilter permitted(String permission);

	/**
	 * Filter by what a given subject may do.
	 * @param subject the subject
	 * @param permission the permission each row needs
	 * @return the filter, to be placed {@link PermissionFilter#on on} an attribute
	 */
	PermissionFilter permitted(Subject subject, String permission);

	/**
	 * Filter by what the current user may do, at least as fresh as a consistency
	 * requirement: as for
	 * {@link PermissionManager#check(Subject, String, Resource, Consistency)}, each query
	 * reads the cached grants when this instance has followed the change log up to the
	 * token, and the store otherwise ({@link Consistency#full()}: always).
	 * @param permission the permission each row needs
	 * @param consistency how fresh the grants read must be
	 * @return the filter, to be placed {@link PermissionFilter#on on} an attribute
	 */
	PermissionFilter permitted(String permission, Consistency consistency);

	/**
	 * Filter by what a given subject may do, at least as fresh as a consistency
	 * requirement.
	 * @param subject the subject
	 * @param permission the permission each row needs
	 * @param consistency how fresh the grants read must be
	 * @return the filter, to be placed {@link PermissionFilter#on on} an attribute
	 */
	PermissionFilter permitted(Subject subject, String permission, Consistency consistency);

}
