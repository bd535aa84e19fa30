package io.github.permissionmanager;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * What a check is about: a resource type and one object of it, optionally in a tenant.
 * Ids are strings inside and any object outside: {@code Resource.of("event", 7)} and
 * {@code Resource.of("event", "7")} name the same object. Types and ids are data, never
 * patterns: an id containing {@code *}, {@code ,} or {@code :} names exactly that object.
 *
 * @param type the resource type, e.g. {@code event}
 * @param id the object id, or {@code null} for the type as a whole
 * @param tenant the tenant, or {@code null} for none
 * @param attributes attributes of the resource known at check time
 */
public record Resource(String type, @Nullable String id, @Nullable String tenant, Map<String, Object> attributes) {

	public Resource {
		Assert.hasText(type, "type cannot be empty");
		Assert.notNull(attributes, "attributes cannot be null");
		attributes = Map.copyOf(attributes);
	}

	/**
	 * One object of a type.
	 * @param type the resource type
	 * @param id the object id; its {@code toString()} is the id
	 * @return the resource
	 */
	public static Resource of(String type, Object id) {
		Assert.notNull(id, "id cannot be null");
		return new Resource(type, id.toString(), null, Map.of());
	}

	/**
	 * A type as a whole: matches only grants on every object of the type (or on
	 * everything).
	 * @param type the resource type
	 * @return the resource
	 */
	public static Resource ofType(String type) {
		return new Resource(type, null, null, Map.of());
	}

	/**
	 * This resource in the given tenant.
	 * @param tenant the tenant
	 * @return a new resource
	 */
	public Resource withTenant(@Nullable String tenant) {
		return new Resource(this.type, this.id, tenant, this.attributes);
	}

	/**
	 * This resource with the given attribute set.
	 * @param name the attribute name
	 * @param value the attribute value
	 * @return a new resource
	 */
	public Resource withAttribute(String name, Object value) {
		Map<String, Object> all = new LinkedHashMap<>(this.attributes);
		all.put(name, value);
		return new Resource(this.type, this.id, this.tenant, all);
	}

}
