package io.github.permissionmanager.console;

import java.time.Instant;
import java.util.List;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.decide.Roles;
import io.github.permissionmanager.decide.WildcardPermission;
import org.jspecify.annotations.Nullable;

/**
 * A grant as the grantee page lists it.
 *
 * @param grant the grant
 * @param form the grant as the revoke form sends it
 * @param group the group it reaches the user through, or {@code null} when it is the
 * grantee's own
 * @param role whether its permission names a role
 * @param permissions the permissions the role gives (empty for a permission)
 * @param expired whether it has expired (it no longer counts)
 */
record GrantRow(Grant grant, GrantForm form, @Nullable String group, boolean role, List<String> permissions,
		boolean expired) {

	static GrantRow of(Grant grant, Roles roles, Instant now) {
		boolean role = roles.isRole(grant.permission());
		List<String> permissions = role
				? roles.permissionsOf(grant.permission()).stream().map(WildcardPermission::toString).toList()
				: List.of();
		String group = (grant.grantee().kind() == Grantee.Kind.GROUP) ? grant.grantee().name() : null;
		boolean expired = grant.expiresAt() != null && !grant.expiresAt().isAfter(now);
		return new GrantRow(grant, GrantForm.of(grant), group, role, permissions, expired);
	}

}
