package io.github.permissionmanager.store;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import io.github.permissionmanager.ConsistencyToken;
import io.github.permissionmanager.Grant;
import io.github.permissionmanager.GrantQuery;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.InvalidGrantException;
import io.github.permissionmanager.PermissionGrants;
import io.github.permissionmanager.decide.KnownPermissions;

import org.springframework.util.Assert;

/**
 * {@link PermissionGrants} that refuse to grant a name the application does not know
 * ({@code permission-manager.permissions.strict=true}): neither a role nor a permission
 * that an annotation, a rule, the catalog or a role names. A batch with one unknown name
 * writes nothing. Revokes, memberships and queries are not restricted, so a grant given
 * before the registry was strict can still be removed.
 */
public final class RegisteredPermissionGrants implements PermissionGrants {

	private final PermissionGrants delegate;

	private final KnownPermissions known;

	/**
	 * Create strict grants.
	 * @param delegate the grants that store what is accepted
	 * @param known the permission registry
	 */
	public RegisteredPermissionGrants(PermissionGrants delegate, KnownPermissions known) {
		Assert.notNull(delegate, "delegate cannot be null");
		Assert.notNull(known, "known cannot be null");
		this.delegate = delegate;
		this.known = known;
	}

	@Override
	public ConsistencyToken grant(Grant grant) {
		requireKnown(grant);
		return this.delegate.grant(grant);
	}

	@Override
	public ConsistencyToken grantAll(Collection<Grant> grants) {
		Assert.notNull(grants, "grants cannot be null");
		grants.forEach(this::requireKnown);
		return this.delegate.grantAll(grants);
	}

	@Override
	public ConsistencyToken revoke(Grant grant) {
		return this.delegate.revoke(grant);
	}

	@Override
	public ConsistencyToken revokeAll(Collection<Grant> grants) {
		return this.delegate.revokeAll(grants);
	}

	@Override
	public List<Grant> permissionsOf(Grantee grantee) {
		return this.delegate.permissionsOf(grantee);
	}

	@Override
	public Set<String> users(GrantQuery query) {
		return this.delegate.users(query);
	}

	@Override
	public Set<String> groups(GrantQuery query) {
		return this.delegate.groups(query);
	}

	@Override
	public ConsistencyToken addMember(String group, String user) {
		return this.delegate.addMember(group, user);
	}

	@Override
	public ConsistencyToken removeMember(String group, String user) {
		return this.delegate.removeMember(group, user);
	}

	private void requireKnown(Grant grant) {
		Assert.notNull(grant, "grant cannot be null");
		boolean known;
		try {
			known = this.known.isKnown(grant.permission());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidGrantException("permission", String.valueOf(ex.getMessage()));
		}
		if (!known) {
			throw new InvalidGrantException("permission", "Unknown permission or role '" + grant.permission()
					+ "' (permission-manager.permissions.strict=true): it is not a role " + this.known.roles()
					+ " and covers no permission that a @RequiresPermissions method, a rule, the catalog or a role names");
		}
	}

}
