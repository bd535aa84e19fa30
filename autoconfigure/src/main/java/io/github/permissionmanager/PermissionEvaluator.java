package io.github.permissionmanager;

import org.jspecify.annotations.Nullable;

/**
 * Decides one permission request. Declare a bean of this type to replace the default
 * evaluator, which reads the grant store through a cache.
 * <p>
 * A {@code null} decision (abstain) or an exception is a denial: the protected method
 * does not run.
 */
@FunctionalInterface
public interface PermissionEvaluator {

	/**
	 * Decide whether the request's subject holds the permission on the resource.
	 * @param request what is asked
	 * @return the decision, or {@code null} to abstain (treated as a denial)
	 */
	@Nullable Decision evaluate(PermissionRequest request);

}
