package io.github.permissionmanager.resolve;

import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.Resource;
import org.jspecify.annotations.Nullable;

/**
 * What a call touches: the context, and the resource the check is about.
 *
 * @param context the resolved context
 * @param resource the resource, or {@code null} for an unscoped check
 */
public record ResolvedContext(PermissionContext context, @Nullable Resource resource) {

}
