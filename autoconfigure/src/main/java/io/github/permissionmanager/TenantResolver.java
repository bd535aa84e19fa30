package io.github.permissionmanager;

import org.jspecify.annotations.Nullable;

/**
 * Finds the tenant of an annotated check. The default one reads
 * {@code permission-manager.tenant.header}, {@code .claim} or {@code .path-variable} when
 * set; declare a bean of this type to replace it.
 */
@FunctionalInterface
public interface TenantResolver {

	/**
	 * The tenant of the current call.
	 * @param subject the current subject (its attributes hold JWT claims)
	 * @param context what was resolved for the call (path variables, parameters, values)
	 * @return the tenant, or {@code null} for none
	 */
	@Nullable String resolveTenant(Subject subject, PermissionContext context);

}
