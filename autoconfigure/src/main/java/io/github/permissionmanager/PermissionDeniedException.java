package io.github.permissionmanager;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * Thrown before a {@link RequiresPermissions} method runs when the current user does not
 * hold what it requires. Over HTTP the answer is a 403 problem response naming the
 * missing permissions; outside HTTP the caller sees this exception and the method has not
 * run.
 * <p>
 * It is a Spring Security {@link AccessDeniedException}, so code that already handles
 * those keeps working.
 */
public class PermissionDeniedException extends AccessDeniedException {

	private final List<String> missingPermissions;

	private final @Nullable Resource resource;

	/**
	 * Create an exception.
	 * @param message what was denied (shown in logs, never to the client)
	 * @param missingPermissions the permissions that were missing (empty when a
	 * {@code check} condition denied)
	 * @param resource the resource the check was about, or {@code null} for an unscoped
	 * check
	 */
	public PermissionDeniedException(String message, List<String> missingPermissions, @Nullable Resource resource) {
		super(message);
		this.missingPermissions = List.copyOf(missingPermissions);
		this.resource = resource;
	}

	/**
	 * The permissions that were missing.
	 * @return the permissions, possibly empty
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

}
