package io.github.permissionmanager.sample.access;

import io.github.permissionmanager.Decision;
import io.github.permissionmanager.Grant;
import io.github.permissionmanager.PermissionGrants;
import io.github.permissionmanager.PermissionManager;
import io.github.permissionmanager.RequiresPermissions;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Grant, revoke and explain, for administrators.
 */
// Feature: an unscoped check on a type. Every handler method needs permissions:admin,
// held without a resource (only the admin user has it)
@RestController
@RequestMapping("/admin")
@RequiresPermissions("permissions:admin")
class AdminController {

	private final PermissionGrants grants;

	private final PermissionManager permissions;

	AdminController(PermissionGrants grants, PermissionManager permissions) {
		Assert.notNull(grants, "grants cannot be null");
		Assert.notNull(permissions, "permissions cannot be null");
		this.grants = grants;
		this.permissions = permissions;
	}

	// Feature: PermissionGrants#grant (idempotent; the grantee's cached decisions are
	// dropped)
	@PostMapping("/grants")
	ResponseEntity<GrantView> grant(@RequestBody GrantView request) {
		Grant grant = toGrant(request);
		invalidIsBadRequest(() -> this.grants.grant(grant));
		return ResponseEntity.status(HttpStatus.CREATED).body(GrantView.of(grant));
	}

	// Feature: PermissionGrants#revoke (revoking a grant that does not exist does
	// nothing)
	@DeleteMapping("/grants")
	ResponseEntity<Void> revoke(@RequestBody GrantView request) {
		Grant grant = toGrant(request);
		invalidIsBadRequest(() -> this.grants.revoke(grant));
		return ResponseEntity.noContent().build();
	}

	// Feature: PermissionManager#explain. Why a user may or may not do something: the
	// grant that matched, or what was missing
	@GetMapping("/explain")
	Explanation explain(@RequestParam String user, @RequestParam String permission,
			@RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String id) {
		if (id != null && type == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'id' requires a 'type'");
		}
		Decision decision;
		try {
			Resource resource = (type == null) ? null : (id == null) ? Resource.ofType(type) : Resource.of(type, id);
			decision = this.permissions.explain(Subject.of(user), permission, resource);
		}
		catch (IllegalArgumentException ex) {
			// an empty user, permission or type: the caller's mistake, not the server's
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
		return new Explanation(user, permission, type, id, decision.allowed(), decision.reason(),
				(decision.grant() != null) ? GrantView.of(decision.grant()) : null, decision.missingPermissions());
	}

	// the store refuses what it could not store (a name over 255 characters, whitespace
	// around a permission part): the caller's mistake, a 400, for a revoke as for a grant
	private static void invalidIsBadRequest(Runnable change) {
		try {
			change.run();
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
	}

	private static Grant toGrant(GrantView request) {
		try {
			return request.toGrant();
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
	}

}
