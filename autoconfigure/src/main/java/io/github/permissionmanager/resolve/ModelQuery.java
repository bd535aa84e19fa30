package io.github.permissionmanager.resolve;

import java.util.List;

import org.springframework.util.Assert;

/**
 * One lookup through a {@code model}, planned at startup: which entity, which attribute
 * (or property path) it reads, which attribute it matches the lookup value against and
 * that attribute's type, and the query text. It holds no persistence types, so an
 * application without JPA never loads them.
 *
 * @param entityName the entity name, as the query names it
 * @param fetchKey the {@code fetch} key this lookup answers
 * @param attributePath the attribute or property path read, e.g. {@code event.id}
 * @param keyAttribute the attribute matched against the lookup value
 * @param keyType the Java type of that attribute; lookup values are converted to it
 * @param query the query text, which selects only {@code attributePath}, then the
 * {@code attributes} in order
 * @param attributes the resource attributes the rule reads with the lookup (attributes or
 * property paths of the entity, as the rule names them), none for a lookup of the value
 * alone
 */
public record ModelQuery(String entityName, String fetchKey, String attributePath, String keyAttribute,
		Class<?> keyType, String query, List<String> attributes) {

	public ModelQuery {
		Assert.hasText(entityName, "entityName cannot be empty");
		Assert.hasText(fetchKey, "fetchKey cannot be empty");
		Assert.hasText(attributePath, "attributePath cannot be empty");
		Assert.hasText(keyAttribute, "keyAttribute cannot be empty");
		Assert.notNull(keyType, "keyType cannot be null");
		Assert.hasText(query, "query cannot be empty");
		attributes = List.copyOf(attributes);
	}

	/**
	 * A lookup of the value alone.
	 * @param entityName the entity name, as the query names it
	 * @param fetchKey the {@code fetch} key this lookup answers
	 * @param attributePath the attribute or property path read
	 * @param keyAttribute the attribute matched against the lookup value
	 * @param keyType the Java type of that attribute
	 * @param query the query text, which selects only {@code attributePath}
	 */
	public ModelQuery(String entityName, String fetchKey, String attributePath, String keyAttribute, Class<?> keyType,
			String query) {
		this(entityName, fetchKey, attributePath, keyAttribute, keyType, query, List.of());
	}

	/**
	 * The name a resource attribute read by this lookup is known by in conditions: the
	 * last segment of its path ({@code event.status} is {@code status}).
	 * @param attribute an attribute as the rule names it
	 * @return its name
	 */
	public static String attributeName(String attribute) {
		return attribute.substring(attribute.lastIndexOf('.') + 1);
	}

}
