package io.github.permissionmanager.sample.access;

import java.util.List;

import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionGrants;

import org.springframework.security.core.Authentication;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the signed-in user holds.
 */
@RestController
class MyPermissionsController {

	private final PermissionGrants grants;

	MyPermissionsController(PermissionGrants grants) {
		Assert.notNull(grants, "grants cannot be null");
		this.grants = grants;
	}

	// Feature: PermissionGrants#permissionsOf. Only the caller's own grants, never anyone
	// else's, so no permission is needed beyond being signed in
	@GetMapping("/me/permissions")
	MyPermissions mine(Authentication authentication) {
		List<GrantView> mine = this.grants.permissionsOf(Grantee.user(authentication.getName()))
			.stream()
			.map(GrantView::of)
			.toList();
		return new MyPermissions(authentication.getName(), mine);
	}

	/**
	 * The caller and their grants.
	 *
	 * @param user the caller
	 * @param grants the grants given to them directly
	 */
	record MyPermissions(String user, List<GrantView> grants) {

	}

}
