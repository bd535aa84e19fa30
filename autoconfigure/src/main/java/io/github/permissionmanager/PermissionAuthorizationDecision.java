package io.github.permissionmanager;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authorization.AuthorizationDecision;

/**
 * A Spring Security {@link AuthorizationDecision} made by Permission Manager: the answer
 * of a {@code hasPermission} expression, a request rule or a {@code @RequiresPermissions}
 * method, with why. An {@code AuthorizationDeniedEvent} listener finds it as the event's
 * {@code getAuthorizationResult()}.
 */
public class PermissionAuthorizationDecision extends AuthorizationDecision {

	private final String reason;

	private final List<String> missingPermissions;

	private final @Nullable Resource resource;

	/**
	 * Create a decision.
	 * @param granted whether it was allowed
	 * @param reason why
	 * @param missingPermissions on a denial, the permissions that were missing
	 * @param resource the resource checked, or {@code null} for an unscoped check
	 */
	public PermissionAuthorizationDecision(boolean granted, String reason, List<String> missingPermissions,
			@Nullable Resource resource) {
		super(granted);
		this.reason = reason;
		this.missingPermissions = List.copyOf(missingPermissions);
		this.resource = resource;
	}

	/**
	 * Why it was decided so.
	 * @return the reason
	 */
	public String getReason() {
		return this.reason;
	}

	/**
	 * The permissions that were missing.
	 * @return the permissions, empty on an allow
	 */
	public List<String> getMissingPermissions() {
		return this.missingPermissions;
	}

	/**
	 * The resource the check was about.
	 * @return the resource, or {@code null} for an unscoped check
	 */
	public @Nullable Resource getResource() {
		return this.resource;
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + " [granted=" + isGranted() + ", reason=" + this.reason
				+ ", missingPermissions=" + this.missingPermissions + ", resource=" + this.resource + "]";
	}

}
