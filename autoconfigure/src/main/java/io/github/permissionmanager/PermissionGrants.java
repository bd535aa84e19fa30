package io.github.permissionmanager;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Management of grants and group memberships (Edgy, auth-middleware). Every change is
 * written to the audit table and to the change log in the same transaction; cached
 * decisions of the subjects it touches are dropped on this instance once the change
 * commits, and on every other instance when it follows the change log.
 * <p>
 * Every change returns a {@link ConsistencyToken} for its place in the change log: a
 * check made with {@link Consistency#atLeast(ConsistencyToken)} sees the change (or a
 * later state) on any instance. A call that changes nothing (a grant that exists, a
 * revoke of a grant that does not) returns a token of the latest change in the store,
 * which is at least as fresh. Callers that do not need the token ignore it.
 */
public interface PermissionGrants {

	/**
	 * Give a grant; giving the same grant twice leaves one.
	 * @param grant the grant
	 * @return the token of the change
	 */
	ConsistencyToken grant(Grant grant);

	/**
	 * Give several grants in one transaction: if one fails, none is written.
	 * @param grants the grants
	 * @return the token of the change
	 */
	ConsistencyToken grantAll(Collection<Grant> grants);

	/**
	 * Take a grant back; taking back a grant that does not exist does nothing.
	 * @param grant the grant (its expiry is ignored when matching)
	 * @return the token of the change
	 */
	ConsistencyToken revoke(Grant grant);

	/**
	 * Take several grants back in one transaction.
	 * @param grants the grants
	 * @return the token of the change
	 */
	ConsistencyToken revokeAll(Collection<Grant> grants);

	/**
	 * The grants given directly to a user or group (not through groups).
	 * @param grantee the user or group
	 * @return the grants
	 */
	List<Grant> permissionsOf(Grantee grantee);

	/**
	 * The users who would be allowed by the query's filters (roles and wildcards count).
	 * @param query the filters
	 * @return the user names
	 */
	Set<String> users(GrantQuery query);

	/**
	 * The groups that would be allowed by the query's filters (roles and wildcards
	 * count).
	 * @param query the filters
	 * @return the group names
	 */
	Set<String> groups(GrantQuery query);

	/**
	 * Add a user to a group.
	 * @param group the group
	 * @param user the user
	 * @return the token of the change
	 */
	ConsistencyToken addMember(String group, String user);

	/**
	 * Remove a user from a group.
	 * @param group the group
	 * @param user the user
	 * @return the token of the change
	 */
	ConsistencyToken removeMember(String group, String user);

}
