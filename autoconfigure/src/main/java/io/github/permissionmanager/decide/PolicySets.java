package io.github.permissionmanager.decide;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.permissionmanager.InvalidPoliciesException;
import org.jspecify.annotations.Nullable;

import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;

/**
 * Named conditions of configuration, the shapes Permit calls user sets and resource sets:
 * a user set ({@code permission-manager.user-sets.<name>.when}) is a condition over the
 * subject, a resource set ({@code permission-manager.resource-sets.<name>}) one over
 * resources of one type. A grant's condition names them as {@code userSets['name']} and
 * {@code resourceSets['name']}, alone or with more conditions
 * ({@code resourceSets['draft-documents'] and subject.department == resource.department}),
 * so such a grant is conditional like any other: lists of objects never count on it.
 * <p>
 * Membership is fail-closed: a set that is not configured (any more) is an error, so the
 * grant naming it does not apply, even negated; a set whose condition fails or answers no
 * boolean is an error too. A resource of another type, or no resource at all, is not in a
 * resource set. Sets are validated when the application starts, every problem listed at
 * once, and may not name other sets.
 */
public final class PolicySets {

	/** No sets: every reference to one is an error. */
	public static final PolicySets NONE = new PolicySets(Map.of(), Map.of());

	private final Map<String, Named> userSets;

	private final Map<String, Named> resourceSets;

	private PolicySets(Map<String, Named> userSets, Map<String, Named> resourceSets) {
		this.userSets = userSets;
		this.resourceSets = resourceSets;
	}

	/**
	 * Parse and validate sets.
	 * @param userSets the user sets' conditions by name
	 * @param resourceSets the resource sets by name
	 * @return the sets
	 * @throws InvalidPoliciesException listing every problem found
	 */
	public static PolicySets of(Map<String, @Nullable String> userSets, Map<String, ResourceSet> resourceSets) {
		List<String> problems = new ArrayList<>();
		Map<String, Named> users = new LinkedHashMap<>();
		userSets.forEach((name, when) -> {
			Named set = parse("permission-manager.user-sets." + name, Kind.USER, name, null, when, problems);
			if (set != null) {
				users.put(name, set);
			}
		});
		Map<String, Named> resources = new LinkedHashMap<>();
		resourceSets.forEach((name, definition) -> {
			String where = "permission-manager.resource-sets." + name;
			if (definition.type() == null || definition.type().isBlank()) {
				problems.add(where + ".type: a resource set needs the resource type it is about");
			}
			Named set = parse(where, Kind.RESOURCE, name, definition.type(), definition.when(), problems);
			if (set != null && definition.type() != null && !definition.type().isBlank()) {
				resources.put(name, set);
			}
		});
		if (!problems.isEmpty()) {
			throw new InvalidPoliciesException(problems);
		}
		return new PolicySets(Map.copyOf(users), Map.copyOf(resources));
	}

	private static @Nullable Named parse(String where, Kind kind, String name, @Nullable String type,
			@Nullable String when, List<String> problems) {
		if (when == null || when.isBlank()) {
			problems.add(where + ".when: a set needs a condition");
			return null;
		}
		if (when.length() > GrantConditions.MAX_LENGTH) {
			problems.add(where + ".when: longer than " + GrantConditions.MAX_LENGTH + " characters");
			return null;
		}
		Expression expression;
		try {
			expression = RestrictedSpel.parse(when);
		}
		catch (ParseException ex) {
			problems.add(where + ".when: '" + when + "' does not parse at position " + ex.getPosition() + ": "
					+ ex.getSimpleMessage());
			return null;
		}
		catch (RestrictedSpel.Forbidden ex) {
			problems.add(where + ".when: '" + when + "' uses " + ex.what() + " at position " + ex.position()
					+ ", which conditions do not allow");
			return null;
		}
		int problemsBefore = problems.size();
		ConditionShape shape = ConditionShape.of(expression);
		for (ConditionShape.SetReference reference : shape.setReferences()) {
			problems.add(where + ".when: '" + when + "' names a set at position " + reference.position()
					+ "; a set cannot name other sets");
		}
		String other = (kind == Kind.USER) ? "resource" : "subject";
		Integer position = shape.roots().get(other);
		if (position != null) {
			problems.add(where + ".when: '" + when + "' reads " + other + " at position " + position + "; a "
					+ ((kind == Kind.USER) ? "user set reads the subject" : "resource set reads the resource")
					+ " and the context only");
		}
		return (problems.size() == problemsBefore) ? new Named(name, type, expression) : null;
	}

	/**
	 * Whether there are no sets.
	 * @return whether none is configured
	 */
	public boolean isEmpty() {
		return this.userSets.isEmpty() && this.resourceSets.isEmpty();
	}

	/**
	 * Check the sets a condition names: each named by a literal, each configured, and a
	 * resource set of the grant's resource type when the grant has one.
	 * @param expression the parsed condition
	 * @param resourceType the grant's resource type, or {@code null}
	 * @return what is wrong, or {@code null}
	 */
	@Nullable String problemOf(Expression expression, @Nullable String resourceType) {
		for (ConditionShape.SetReference reference : ConditionShape.of(expression).setReferences()) {
			String name = reference.name();
			if (name == null) {
				return "names a set by an expression at position " + reference.position()
						+ "; name sets by their names, as in resourceSets['draft-documents']";
			}
			Named set = (reference.kind() == Kind.USER) ? this.userSets.get(name) : this.resourceSets.get(name);
			String what = ((reference.kind() == Kind.USER) ? "user set '" : "resource set '") + name + "'";
			if (set == null) {
				return "names " + what + " at position " + reference.position() + ", which is not configured";
			}
			if (reference.kind() == Kind.RESOURCE && resourceType != null && !resourceType.equals(set.type())) {
				return "names " + what + " at position " + reference.position() + ", a set of " + set.type()
						+ " resources, but the grant is on " + resourceType + " resources";
			}
		}
		return null;
	}

	@Nullable Named userSet(String name) {
		return this.userSets.get(name);
	}

	@Nullable Named resourceSet(String name) {
		return this.resourceSets.get(name);
	}

	/**
	 * A resource set as configuration gives it.
	 *
	 * @param type the resource type its resources are of
	 * @param when the condition over the resource (and the context)
	 */
	public record ResourceSet(@Nullable String type, @Nullable String when) {
	}

	enum Kind {

		USER("userSets"), RESOURCE("resourceSets");

		private final String root;

		Kind(String root) {
			this.root = root;
		}

		String root() {
			return this.root;
		}

		static @Nullable Kind ofRoot(String name) {
			for (Kind kind : values()) {
				if (kind.root.equals(name)) {
					return kind;
				}
			}
			return null;
		}

	}

	record Named(String name, @Nullable String type, Expression expression) {

		Named {
			Objects.requireNonNull(expression);
		}

	}

}
