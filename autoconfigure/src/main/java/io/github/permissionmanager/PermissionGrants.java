package io.github.permissionmanager;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Management of grants and group memberships (Edgy, auth-middleware). Every change is
 * written to the audit table in the same transaction, and cached decisions of the
 * subjects it touches are dropped once the change commits.
 */
public interface PermissionGrants {

	/**
	 * Give a grant; giving the same grant twice leaves one.
	 * @param grant the grant
	 */
	void grant(Grant grant);

	/**
	 * Give several grants in one transaction: if one fails, none is written.
	 * @param grants the grants
	 */
	void grantAll(Collection<Grant> grants);

	/**
	 * Take a grant back; taking back a grant that does not exist does nothing.
	 * @param grant the grant (its expiry is ignored when matching)
	 */
	void revoke(Grant grant);

	/**
	 * Take several grants back in one transaction.
	 * @param grants the grants
	 */
	void revokeAll(Collection<Grant> grants);

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
	 */
	void addMember(String group, String user);

	/**
	 * Remove a user from a group.
	 * @param group the group
	 * @param user the user
	 */
	void removeMember(String group, String user);

}
