package io.github.permissionmanager;

import java.util.ArrayList;
import java.util.List;

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

	/**
	 * Decide several requests at once: the permissions of one guarded call (all or any of
	 * them, and its {@code optional} ones). The default asks {@link #evaluate} for each;
	 * an evaluator that crosses a network answers them in one round trip. An exception
	 * fails every request of the call.
	 * @param requests what is asked, never empty
	 * @return one decision per request, in order; {@code null} abstains
	 */
	default List<@Nullable Decision> evaluateAll(List<PermissionRequest> requests) {
		List<@Nullable Decision> decisions = new ArrayList<>(requests.size());
		for (PermissionRequest request : requests) {
			decisions.add(evaluate(request));
		}
		return decisions;
	}

}
