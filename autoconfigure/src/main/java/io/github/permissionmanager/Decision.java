package io.github.permissionmanager;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * The answer to a {@link PermissionRequest}, with why.
 *
 * @param allowed whether the request is allowed
 * @param reason why, in words a developer can read in a log or an explanation
 * @param grant the grant that allowed it, when one did
 * @param missingPermissions on a denial, the permissions that were missing
 */
public record Decision(boolean allowed, String reason, @Nullable Grant grant, List<String> missingPermissions) {

	public Decision {
		Assert.notNull(reason, "reason cannot be null");
		Assert.notNull(missingPermissions, "missingPermissions cannot be null");
		missingPermissions = List.copyOf(missingPermissions);
	}

	/**
	 * An allow.
	 * @param reason why
	 * @return the decision
	 */
	public static Decision allow(String reason) {
		return new Decision(true, reason, null, List.of());
	}

	/**
	 * An allow by a grant.
	 * @param reason why
	 * @param grant the grant that matched
	 * @return the decision
	 */
	public static Decision allow(String reason, Grant grant) {
		return new Decision(true, reason, grant, List.of());
	}

	/**
	 * A denial.
	 * @param reason why
	 * @return the decision
	 */
	public static Decision deny(String reason) {
		return new Decision(false, reason, null, List.of());
	}

	/**
	 * A denial naming what was missing.
	 * @param reason why
	 * @param missingPermissions the permissions that were missing
	 * @return the decision
	 */
	public static Decision deny(String reason, List<String> missingPermissions) {
		return new Decision(false, reason, null, missingPermissions);
	}

}
