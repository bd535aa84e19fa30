package io.github.permissionmanager;

import java.util.Map;

/**
 * The persisted attributes of a resource (its status, owner, department), for grant
 * conditions ({@link Grant#when(String)}). Declare a bean of this type and the default
 * evaluator asks it when, and only when, a conditional grant could allow a check on a
 * resource; the attributes the resource carries ({@link Resource#withAttribute}) override
 * those it answers, as just-in-time attributes do. An exception it throws fails the check
 * (503 for an annotated method, a denial for a programmatic check), never allows.
 */
@FunctionalInterface
public interface ResourceAttributesResolver {

	/**
	 * The persisted attributes of a resource.
	 * @param resource what the check is about ({@link Resource#id()} is {@code null} for
	 * a type as a whole)
	 * @return the attributes by name, empty when there are none
	 */
	Map<String, Object> attributes(Resource resource);

}
