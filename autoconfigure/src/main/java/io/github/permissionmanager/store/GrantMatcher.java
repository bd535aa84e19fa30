package io.github.permissionmanager.store;

import java.util.List;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.decide.GrantImplication;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * What the store needs to know about permissions: whether a grant can be stored, and
 * whether a stored grant would allow a permission asked about in a
 * {@link io.github.permissionmanager.GrantQuery}: the same {@link GrantImplication} a
 * check uses answers it, so a query and a check never disagree.
 */
final class GrantMatcher {

	static final int MAX_LENGTH = 255;

	private final GrantImplication implication;

	GrantMatcher(GrantImplication implication) {
		this.implication = implication;
	}

	void validate(Grant grant) {
		validateName("grantee name", grant.grantee().name());
		validateName("permission", grant.permission());
		validateSpelling(grant.permission());
		this.implication.validate(grant.permission());
		validateOptional("resource type", grant.resourceType());
		validateOptional("resource id", grant.resourceId());
		validateOptional("tenant", grant.tenant());
	}

	// Checks trim a permission's parts, the grant key does not: one spelling per
	// permission, so a revoke of what a check reads as granted always matches the stored
	// grant
	private static void validateSpelling(String permission) {
		for (String part : permission.split("[:,]", -1)) {
			if (!part.equals(part.trim())) {
				throw new IllegalArgumentException(
						"permission '" + permission + "' has whitespace around a part; write it without");
			}
		}
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
	 * Whether a grant would allow one of the permissions, as a check would read it.
	 * @param grant the stored grant
	 * @param permissions the permissions asked about, or {@code null} for any
	 * @return whether it allows one of them
	 */
	boolean allowsAny(Grant grant, @Nullable List<String> permissions) {
		if (permissions == null) {
			return true;
		}
		for (String permission : permissions) {
			if (this.implication.implies(grant.permission(), permission)) {
				return true;
			}
		}
		return false;
	}

}
