package io.github.permissionmanager.store;

import java.util.List;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.InvalidGrantException;
import io.github.permissionmanager.decide.GrantImplication;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

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
		validateName("grantee", "grantee name", grant.grantee().name());
		validateName("permission", "permission", grant.permission());
		validateSpelling(grant.permission());
		try {
			this.implication.validate(grant.permission());
		}
		catch (InvalidGrantException ex) {
			throw ex;
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidGrantException("permission", String.valueOf(ex.getMessage()));
		}
		validateOptional("resourceType", "resource type", grant.resourceType());
		validateOptional("resourceId", "resource id", grant.resourceId());
		validateOptional("tenant", "tenant", grant.tenant());
		if (grant.condition() != null) {
			this.implication.conditions().validate(grant.condition(), grant.resourceType());
		}
	}

	// Checks trim a permission's parts, the grant key does not: one spelling per
	// permission, so a revoke of what a check reads as granted always matches the stored
	// grant
	private static void validateSpelling(String permission) {
		for (String part : permission.split("[:,]", -1)) {
			if (!part.equals(part.trim())) {
				throw new InvalidGrantException("permission",
						"permission '" + permission + "' has whitespace around a part; write it without");
			}
		}
	}

	/**
	 * Check a name that must be given.
	 * @param field the field at fault when it is wrong, for {@link InvalidGrantException}
	 * @param what the name as the message says it
	 * @param value the name
	 */
	void validateName(String field, String what, @Nullable String value) {
		if (!StringUtils.hasText(value)) {
			throw new InvalidGrantException(field, what + " cannot be empty");
		}
		validateOptional(field, what, value);
	}

	private static void validateOptional(String field, String what, @Nullable String value) {
		if (value != null && value.length() > MAX_LENGTH) {
			throw new InvalidGrantException(field, what + " is longer than " + MAX_LENGTH + " characters");
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
