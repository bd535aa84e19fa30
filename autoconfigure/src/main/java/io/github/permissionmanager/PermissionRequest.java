package io.github.permissionmanager;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * One question to a {@link PermissionEvaluator}: may {@code subject} do
 * {@code permission} on {@code resource}?
 *
 * @param subject who asks
 * @param permission the permission, e.g. {@code session:update}
 * @param resource what it is asked on, or {@code null} for an unscoped check
 * @param context what was resolved for the call
 */
public record PermissionRequest(Subject subject, String permission, @Nullable Resource resource,
		PermissionContext context) {

	public PermissionRequest {
		Assert.notNull(subject, "subject cannot be null");
		Assert.hasText(permission, "permission cannot be empty");
		Assert.notNull(context, "context cannot be null");
	}

}
