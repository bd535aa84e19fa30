package io.github.permissionmanager;

import java.util.Map;

/**
 * The persisted attributes of a subject (a user directory, a profile table), for grant
 * conditions ({@link Grant#when(String)}). Declare a bean of this type and the default
 * evaluator asks it when, and only when, a conditional grant could allow a check; the
 * attributes the subject carries (JWT claims, {@link Subject#withAttribute}) override
 * those it answers, as just-in-time attributes do. An exception it throws fails the check
 * (503 for an annotated method, a denial for a programmatic check), never allows.
 */
@FunctionalInterface
public interface SubjectAttributesResolver {

	/**
	 * The persisted attributes of a subject.
	 * @param subject who asks
	 * @return the attributes by name, empty when there are none
	 */
	Map<String, Object> attributes(Subject subject);

}
