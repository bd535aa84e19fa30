package io.github.permissionmanager.resolve;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The resolution part of a rule, after the annotation and the named rule are merged.
 *
 * @param fetch the keys to resolve; alternatives, the first one present wins
 * @param fetchAs the name the value is known by, or {@code null} for the key found
 * @param models the entity names or class names to look the value up on
 * @param fetchKeyUrl the lookup keys, index-aligned with {@code models} (one applies to
 * all; none means {@code id})
 * @param fetchKeyModel the entity attribute matched against the lookup value, or
 * {@code null} for the id
 * @param resource the resource type, or {@code null} to derive it from the name
 * @param attributes the resource attributes the model lookup reads as well, for grant
 * conditions
 */
public record ResolutionSpec(List<String> fetch, @Nullable String fetchAs, List<String> models,
		List<String> fetchKeyUrl, @Nullable String fetchKeyModel, @Nullable String resource, List<String> attributes) {

	public ResolutionSpec {
		fetch = List.copyOf(fetch);
		models = List.copyOf(models);
		fetchKeyUrl = List.copyOf(fetchKeyUrl);
		attributes = List.copyOf(attributes);
	}

	/**
	 * The resolution part of a rule that reads no resource attributes.
	 * @param fetch the keys to resolve
	 * @param fetchAs the name the value is known by, or {@code null}
	 * @param models the entity names or class names to look the value up on
	 * @param fetchKeyUrl the lookup keys
	 * @param fetchKeyModel the entity attribute matched against the lookup value, or
	 * {@code null}
	 * @param resource the resource type, or {@code null}
	 */
	public ResolutionSpec(List<String> fetch, @Nullable String fetchAs, List<String> models, List<String> fetchKeyUrl,
			@Nullable String fetchKeyModel, @Nullable String resource) {
		this(fetch, fetchAs, models, fetchKeyUrl, fetchKeyModel, resource, List.of());
	}

}
