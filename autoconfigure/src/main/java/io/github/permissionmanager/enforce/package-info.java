/**
 * Enforcement of {@link io.github.permissionmanager.RequiresPermissions}: the pointcut
 * and the thin method interceptor, the registry of rules parsed once per method at
 * startup, startup validation, and the subject built from Spring Security's
 * authentication.
 */
@NullMarked
package io.github.permissionmanager.enforce;

import org.jspecify.annotations.NullMarked;
