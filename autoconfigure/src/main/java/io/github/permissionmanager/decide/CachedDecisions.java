package io.github.permissionmanager.decide;

import io.github.permissionmanager.Decision;
import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.PermissionEvaluator;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import org.jspecify.annotations.Nullable;

/**
 * An evaluator that may answer a check from decisions it keeps, without being handed a
 * {@link io.github.permissionmanager.PermissionRequest}: the {@link DecisionService} asks
 * it first, and builds a request for {@link PermissionEvaluator#evaluate} only when it
 * has no answer, so a cached decision costs no allocation.
 */
public interface CachedDecisions extends PermissionEvaluator {

	/**
	 * The decision kept for a check, or {@code null} when none may answer it now (none
	 * kept, expired, or not fresh enough for the consistency the check requires).
	 * @param subject who asks
	 * @param permission the permission
	 * @param resource the resource, or {@code null} for an unscoped check
	 * @param context what was resolved for the call
	 * @return the decision, or {@code null} to have the evaluator asked
	 */
	@Nullable Decision cached(Subject subject, String permission, @Nullable Resource resource, PermissionContext context);

}
