package io.github.permissionmanager.resolve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * How one method's context is resolved, planned at startup so a call does no reflection
 * and no string work: for each {@code fetch} key where it may come from, its context name
 * and resource type, then the model lookups to try when no key is in the call.
 */
public final class ResolutionPlan {

	private final KeySource[] keys;

	private final String[] names;

	private final String[] resourceTypes;

	private final List<ModelLookup> lookups;

	private final boolean declaresAKey;

	// The last context resolved outside a request from a key's value of an immutable
	// type, shared by the calls that name the same value (its parts are immutable)
	private volatile @Nullable Reusable reusable;

	private final boolean readsAttributes;

	ResolutionPlan(KeySource[] keys, String[] names, String[] resourceTypes, List<ModelLookup> lookups) {
		this.keys = keys;
		this.names = names;
		// interned: a grant snapshot compares resource types by identity first
		this.resourceTypes = Arrays.stream(resourceTypes).map(String::intern).toArray(String[]::new);
		this.lookups = List.copyOf(lookups);
		this.declaresAKey = Arrays.stream(keys).anyMatch(KeySource::declared);
		this.readsAttributes = lookups.stream().anyMatch((lookup) -> !lookup.query().attributes().isEmpty());
	}

	/**
	 * Whether a model lookup reads resource attributes: then it runs even when the value
	 * is in the call, since the attributes are not.
	 * @return whether a lookup reads attributes
	 */
	public boolean readsAttributes() {
		return this.readsAttributes;
	}

	/**
	 * How many {@code fetch} keys the plan reads, alternatives in order.
	 * @return the number of keys
	 */
	public int size() {
		return this.keys.length;
	}

	/**
	 * Where one key's value may come from.
	 * @param i the key's index
	 * @return its sources
	 */
	public KeySource key(int i) {
		return this.keys[i];
	}

	@Nullable KeySource keyNamed(String key) {
		for (KeySource source : this.keys) {
			if (source.key().equals(key)) {
				return source;
			}
		}
		return null;
	}

	/**
	 * The name one key's value is known by in the context.
	 * @param i the key's index
	 * @return the name
	 */
	public String name(int i) {
		return this.names[i];
	}

	/**
	 * The resource type one key's value identifies.
	 * @param i the key's index
	 * @return the resource type
	 */
	public String resourceType(int i) {
		return this.resourceTypes[i];
	}

	/**
	 * The model lookups tried when no key is in the call.
	 * @return the lookups, in order
	 */
	public List<ModelLookup> lookups() {
		return this.lookups;
	}

	/**
	 * Whether a {@code fetch} key names an argument of the method: then a {@code null}
	 * argument is missing, and no model lookup stands in for what the method will use.
	 * @return whether the method declares one of the keys
	 */
	public boolean declaresAKey() {
		return this.declaresAKey;
	}

	/**
	 * The names the resolved value may be known by.
	 * @return the context names, one per key and one per lookup
	 */
	public List<String> names() {
		List<String> all = new ArrayList<>(List.of(this.names));
		this.lookups.forEach((lookup) -> all.add(lookup.name()));
		return all;
	}

	/**
	 * The resource type of the first key, for messages when nothing could be resolved.
	 * @return the resource type
	 */
	public String primaryResourceType() {
		return this.resourceTypes[0];
	}

	/**
	 * The context resolved last outside a request from the same value of the same key.
	 * @param index the key's index
	 * @param value the value the call carries
	 * @return the shared context, or {@code null} when the last one was another
	 */
	@Nullable ResolvedContext reusable(int index, Object value) {
		Reusable last = this.reusable;
		return (last != null && last.index == index && last.value.getClass() == value.getClass()
				&& last.value.equals(value)) ? last.resolved : null;
	}

	/**
	 * Remember a context resolved outside a request, when its value is of a type that
	 * cannot change (a {@code String}, a {@code Long}, an {@code Integer}, a
	 * {@code UUID}): a value of another type might, and is never shared.
	 * @param index the key's index
	 * @param value the value the call carried
	 * @param resolved the context resolved from it alone
	 */
	void remember(int index, Object value, ResolvedContext resolved) {
		if (value instanceof String || value instanceof Long || value instanceof Integer || value instanceof UUID) {
			this.reusable = new Reusable(index, value, resolved);
		}
	}

	@Override
	public String toString() {
		return "ResolutionPlan" + Arrays.stream(this.keys).map(KeySource::key).toList() + " via " + this.lookups;
	}

	private record Reusable(int index, Object value, ResolvedContext resolved) {
	}

}
