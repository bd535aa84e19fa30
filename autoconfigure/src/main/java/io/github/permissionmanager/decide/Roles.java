package io.github.permissionmanager.decide;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.util.Assert;

/**
 * The roles of {@code permission-manager.roles}: named bundles of permissions and other
 * roles, expanded transitively once, when the application starts. An entry that names a
 * role is that role; any other entry is a permission. A grant whose permission names a
 * role gives every permission of the role.
 * <p>
 * Cycles, empty names and unparsable permissions are rejected when the roles are built,
 * with one message listing every problem, so the application does not start.
 */
public final class Roles {

	private static final Roles NONE = new Roles(Map.of());

	private final Map<String, List<WildcardPermission>> permissions;

	private final Map<String, Set<String>> includedRoles;

	/**
	 * Build and validate roles.
	 * @param definitions each role's entries: permissions and names of other roles
	 * @throws InvalidRolesException listing every cycle and invalid entry
	 */
	public Roles(Map<String, List<String>> definitions) {
		Assert.notNull(definitions, "definitions cannot be null");
		List<String> problems = new ArrayList<>();
		Map<String, List<WildcardPermission>> permissions = new LinkedHashMap<>();
		Map<String, Set<String>> includedRoles = new LinkedHashMap<>();
		for (String role : definitions.keySet()) {
			if (role == null || role.isBlank()) {
				problems.add("a role has an empty name");
				continue;
			}
			Set<WildcardPermission> expanded = new LinkedHashSet<>();
			Set<String> included = new LinkedHashSet<>();
			expand(role, definitions, new ArrayList<>(), expanded, included, problems);
			permissions.put(role, List.copyOf(expanded));
			includedRoles.put(role, Collections.unmodifiableSet(included));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRolesException(problems.stream().distinct().toList());
		}
		this.permissions = Collections.unmodifiableMap(permissions);
		this.includedRoles = Collections.unmodifiableMap(includedRoles);
	}

	/**
	 * No roles.
	 * @return roles with no definitions
	 */
	public static Roles none() {
		return NONE;
	}

	private static void expand(String role, Map<String, List<String>> definitions, List<String> path,
			Set<WildcardPermission> expanded, Set<String> included, List<String> problems) {
		if (path.contains(role)) {
			List<String> cycle = new ArrayList<>(path.subList(path.indexOf(role), path.size()));
			cycle.add(role);
			problems.add("role cycle " + String.join(" -> ", cycle));
			return;
		}
		if (!included.add(role) && !path.isEmpty()) {
			return;
		}
		path.add(role);
		List<String> entries = definitions.get(role);
		for (String entry : (entries != null) ? entries : List.<String>of()) {
			if (entry == null || entry.isBlank()) {
				problems.add("role '" + role + "' has an empty entry");
			}
			else if (definitions.containsKey(entry)) {
				expand(entry, definitions, path, expanded, included, problems);
			}
			else {
				try {
					expanded.add(WildcardPermission.parse(entry));
				}
				catch (IllegalArgumentException ex) {
					problems.add("role '" + role + "': " + ex.getMessage());
				}
			}
		}
		path.remove(path.size() - 1);
	}

	/**
	 * Whether a name is a role.
	 * @param name the name a grant or query uses
	 * @return whether it names a role
	 */
	public boolean isRole(String name) {
		return this.permissions.containsKey(name);
	}

	/**
	 * Every permission of a role, through the roles it includes.
	 * @param role the role name
	 * @return its permissions, or an empty list when it is not a role
	 */
	public List<WildcardPermission> permissionsOf(String role) {
		return this.permissions.getOrDefault(role, List.of());
	}

	/**
	 * The roles a role includes, itself among them.
	 * @param role the role name
	 * @return the roles, or an empty set when it is not a role
	 */
	public Set<String> rolesIncludedIn(String role) {
		return this.includedRoles.getOrDefault(role, Set.of());
	}

	/**
	 * The role names.
	 * @return the names
	 */
	public Set<String> names() {
		return this.permissions.keySet();
	}

}
