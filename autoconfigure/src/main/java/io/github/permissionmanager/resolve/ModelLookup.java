package io.github.permissionmanager.resolve;

/**
 * A {@link ModelQuery} bound to one method: where the lookup value comes from and what
 * the result is called.
 *
 * @param query the planned query
 * @param lookupKey the argument, URI template variable or parameter holding the lookup
 * value
 * @param lookupArgumentIndex the index of the argument holding it, or {@code -1}
 * @param name the name the result is known by in the context
 * @param resourceType the resource type the result identifies
 */
public record ModelLookup(ModelQuery query, String lookupKey, int lookupArgumentIndex, String name,
		String resourceType) {

}
