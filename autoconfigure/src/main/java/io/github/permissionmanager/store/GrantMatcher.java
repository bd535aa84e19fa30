package io.github.permissionmanager.store;

import java.util.List;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.decide.Roles;
import io.github.permissionmanager.decide.WildcardPermission;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * What the store needs to know about permissions: whether a grant can be stored, and
 * whether a stored grant would allow a permission asked about in a
 * {@link io.github.permissionmanager.GrantQuery} (roles and wildcards count, as they do
 * in a check).
 */
final class GrantMatcher {

	static final int MAX_LENGTH = 255;

	private final Roles roles;

	GrantMatcher(Roles roles) {
		this.roles = roles;
	}

	void validate(Grant grant) {
		validateName("grantee name", grant.grantee().name());
		validateName("permission", grant.permission());
		if (!this.roles.isRole(grant.permission())) {
			WildcardPermission.parse(grant.permission());
		}
		validateOptional("resource type", grant.resourceType());
		validateOptional("resource id", grant.resourceId());
		validateOptional("tenant", grant.tenant());
	}

	void validateName(String what, String value) {
		Assert.hasText(value, () -> what + " cannot be empty");
		validateOptional(what, value);
	}

	private static void validateOptional(String what, @Nullable String value) {
		if (value != null && value.length() > MAX_LENGTH) {
			throw new IllegalArgumentException(what + " is longer than " + MAX_LENGTH + " characters");
		}
	}

	/**
	 * Whether a grant would allow one of the permissions.
	 * @param grant the stored grant
	 * @param permissions the permissions asked about, or {@code null} for any
	 * @return whether it allows one of them
	 */
	boolean allowsAny(Grant grant, @Nullable List<String> permissions) {
		if (permissions == null) {
			return true;
		}
		for (String permission : permissions) {
			if (allows(grant.permission(), permission)) {
				return true;
			}
		}
		return false;
	}

	private boolean allows(String held, String asked) {
		if (this.roles.isRole(asked)) {
			// Asking about a role: grants of it, or of a role that includes it
			return this.roles.rolesIncludedIn(held).contains(asked);
		}
		WildcardPermission requested = WildcardPermission.parse(asked);
		if (this.roles.isRole(held)) {
			for (WildcardPermission permission : this.roles.permissionsOf(held)) {
				if (permission.implies(requested)) {
					return true;
				}
			}
			return false;
		}
		try {
			return WildcardPermission.parse(held).implies(requested);
		}
		catch (IllegalArgumentException ex) {
			// A stored grant that cannot be parsed allows nothing
			return false;
		}
	}

}
