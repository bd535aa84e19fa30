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
	 * Run a planned lookup: one query that selects only the planned attribute.
	 * @param query the planned query
	 * @param key the lookup value, already of {@link ModelQuery#keyType()}
	 * @return the values read, at most two (enough to tell that a lookup is ambiguous)
	 */
	List<@Nullable Object> find(ModelQuery query, Object key);

}
