/**
 * Public API of Permission Manager: the
 * {@link io.github.permissionmanager.RequiresPermissions} annotation, the values it works
 * with ({@link io.github.permissionmanager.Subject},
 * {@link io.github.permissionmanager.Resource},
 * {@link io.github.permissionmanager.Grant},
 * {@link io.github.permissionmanager.Decision}) and the beans an application calls
 * ({@link io.github.permissionmanager.PermissionManager},
 * {@link io.github.permissionmanager.PermissionGrants}). Everything a user imports lives
 * here.
 */
@NullMarked
package io.github.permissionmanager;

import org.jspecify.annotations.NullMarked;
