package io.github.permissionmanager.resolve;

/**
 * A {@link ModelQuery} bound to one method: where the lookup value comes from and what
 * the result is called.
 *
 * @param query the planned query
 * @param lookup where the lookup value comes from (the {@code fetch-key-url} key)
 * @param name the name the result is known by in the context
 * @param resourceType the resource type the result identifies
 */
public record ModelLookup(ModelQuery query, KeySource lookup, String name, String resourceType) {

	/**
	 * The argument, URI template variable or parameter holding the lookup value.
	 * @return the key
	 */
	public String lookupKey() {
		return this.lookup.key();
	}

}
