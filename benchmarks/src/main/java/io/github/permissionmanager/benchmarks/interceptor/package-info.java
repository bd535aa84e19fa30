/**
 * Interceptor overhead: one bean method called directly, through
 * {@code @RequiresPermissions}, and through {@code @PreAuthorize("hasPermission(...)")}
 * backed by an equivalent Spring Security {@code PermissionEvaluator}, all with cached
 * decisions.
 */
@NullMarked
package io.github.permissionmanager.benchmarks.interceptor;

import org.jspecify.annotations.NullMarked;
