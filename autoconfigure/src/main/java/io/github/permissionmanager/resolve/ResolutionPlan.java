package io.github.permissionmanager.resolve;

import java.util.List;

/**
 * How one method's context is resolved, planned at startup so a call does no reflection
 * and no string work: for each {@code fetch} key its argument index, context name and
 * resource type, then the model lookups to try when no key is in the call.
 */
public final class ResolutionPlan {

	private final String[] keys;

	private final int[] argumentIndexes;

	private final String[] names;

	private final String[] resourceTypes;

	private final List<ModelLookup> lookups;

	ResolutionPlan(String[] keys, int[] argumentIndexes, String[] names, String[] resourceTypes,
			List<ModelLookup> lookups) {
		this.keys = keys;
		this.argumentIndexes = argumentIndexes;
		this.names = names;
		this.resourceTypes = resourceTypes;
		this.lookups = List.copyOf(lookups);
	}

	int size() {
		return this.keys.length;
	}

	String key(int i) {
		return this.keys[i];
	}

	int argumentIndex(int i) {
		return this.argumentIndexes[i];
	}

	String name(int i) {
		return this.names[i];
	}

	String resourceType(int i) {
		return this.resourceTypes[i];
	}

	List<ModelLookup> lookups() {
		return this.lookups;
	}

	/**
	 * The resource type of the first key, for messages when nothing could be resolved.
	 * @return the resource type
	 */
	public String primaryResourceType() {
		return this.resourceTypes[0];
	}

	@Override
	public String toString() {
		return "ResolutionPlan" + List.of(this.keys) + " via " + this.lookups;
	}

}
