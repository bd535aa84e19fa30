package io.github.permissionmanager;

import java.util.Collection;
import java.util.Set;

/**
 * A source of grants beside the JDBC store: a Redis set, an LDAP directory, a remote
 * service. Declare beans of this type and the default evaluator unites their grants with
 * the store's (an allow from any source allows), with the same semantics: wildcards,
 * roles, scopes, tenants, expiry and conditions. {@code explain} names the source of the
 * grant that allowed.
 * <p>
 * A subject's grants from every source are read together, when its cached snapshot is
 * loaded, and kept with it: a change in a source shows once the snapshot is reloaded
 * (after {@code permission-manager.cache.ttl}, or at once after
 * {@code GrantSnapshotCache#userChanged}). Grants and revokes through
 * {@link PermissionGrants} change the store only, never another source. A source that
 * throws fails the check (503 for an annotated method, a denial for a programmatic
 * check), never allows.
 */
public interface GrantSource {

	/**
	 * The name {@code explain} gives this source, such as {@code ldap}.
	 * @return the name
	 */
	String name();

	/**
	 * The grants of a user and of its groups. Grants to other users or groups are
	 * ignored.
	 * @param user the user id
	 * @param groups every group of the user (those it carries and the store's)
	 * @return the grants
	 */
	Collection<Grant> grants(String user, Set<String> groups);

}
