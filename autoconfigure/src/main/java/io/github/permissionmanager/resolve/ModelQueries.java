package io.github.permissionmanager.resolve;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Plans lookups through a {@code model} at startup and runs them per call. The JPA
 * implementation is {@link JpaModelQueries}.
 */
public interface ModelQueries {

	/**
	 * Plan the lookup of one of {@code fetchKeys} on an entity.
	 * @param model the entity name or fully qualified class name
	 * @param fetchKeys the keys to read, the first one the entity has wins: an attribute,
	 * its camelCase form, an association's id, or a property path
	 * @param keyAttribute the attribute matched against the lookup value, or {@code null}
	 * for the entity's id
	 * @return the planned query
	 * @throws IllegalArgumentException with a message naming the problem, when the entity
	 * or an attribute does not exist
	 */
	ModelQuery plan(String model, List<String> fetchKeys, @Nullable String keyAttribute);

	/**
	 * Plan the lookup of one of {@code fetchKeys} on an entity that also reads resource
	 * attributes of the row, in the same query. An implementation that cannot read them
	 * refuses any (the start fails naming them), so a rule's {@code attributes} are never
	 * ignored.
	 * @param model the entity name or fully qualified class name
	 * @param fetchKeys the keys to read, as {@link #plan(String, List, String)} reads
	 * them
	 * @param keyAttribute the attribute matched against the lookup value, or {@code null}
	 * for the entity's id
	 * @param attributes the attributes or property paths to read as well; none for the
	 * value alone
	 * @return the planned query
	 * @throws IllegalArgumentException with a message naming the problem, when the entity
	 * or an attribute does not exist
	 */
	default ModelQuery plan(String model, List<String> fetchKeys, @Nullable String keyAttribute,
			List<String> attributes) {
		if (!attributes.isEmpty()) {
			throw new IllegalArgumentException(
					getClass().getSimpleName() + " cannot read the resource attributes " + attributes + " of " + model);
		}
		return plan(model, fetchKeys, keyAttribute);
	}

	/**
	 * Run a planned lookup: one query that selects only the planned attribute, and the
	 * planned resource attributes when there are any.
	 * @param query the planned query
	 * @param key the lookup value, already of {@link ModelQuery#keyType()}
	 * @return the rows read, at most two (enough to tell that a lookup is ambiguous):
	 * each the value read, or, when the query reads {@link ModelQuery#attributes()}, an
	 * {@code Object[]} of the value then each attribute in order
	 */
	List<@Nullable Object> find(ModelQuery query, Object key);

}
