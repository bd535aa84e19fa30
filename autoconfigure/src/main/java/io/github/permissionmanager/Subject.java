package io.github.permissionmanager;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.util.Assert;

/**
 * Who a check is about: a user id, the groups the user belongs to, and attributes such as
 * JWT claims.
 *
 * @param id the user id ({@code Authentication.getName()})
 * @param groups the groups the user belongs to
 * @param attributes attributes of the user, e.g. JWT claims
 */
public record Subject(String id, Set<String> groups, Map<String, Object> attributes) {

	public Subject {
		Assert.hasText(id, "id cannot be empty");
		Assert.notNull(groups, "groups cannot be null");
		Assert.notNull(attributes, "attributes cannot be null");
		groups = Set.copyOf(groups);
		attributes = Map.copyOf(attributes);
	}

	/**
	 * A subject with no groups and no attributes.
	 * @param id the user id
	 * @return the subject
	 */
	public static Subject of(String id) {
		return new Subject(id, Set.of(), Map.of());
	}

	/**
	 * This subject with the given groups added.
	 * @param moreGroups groups to add
	 * @return a new subject
	 */
	public Subject withGroups(String... moreGroups) {
		Set<String> all = new TreeSet<>(this.groups);
		all.addAll(Set.of(moreGroups));
		return new Subject(this.id, all, this.attributes);
	}

	/**
	 * This subject with the given attribute set.
	 * @param name the attribute name
	 * @param value the attribute value
	 * @return a new subject
	 */
	public Subject withAttribute(String name, Object value) {
		Map<String, Object> all = new LinkedHashMap<>(this.attributes);
		all.put(name, value);
		return new Subject(this.id, this.groups, all);
	}

}
