package io.github.permissionmanager.decide;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The one answer to "does a held grant imply this permission", roles and wildcards
 * included, for checks (through the grant snapshots) and for the store's queries alike.
 * <p>
 * A grant whose permission names a role holds every permission of the role and of the
 * roles it includes, and holds those roles. Any other grant holds its permission,
 * wildcards and alternatives as {@link WildcardPermission} reads them. A requested
 * permission that names a role asks for the role: it is implied by a grant of the role or
 * of a role that includes it, and by nothing else (not even {@code *}), so a role name
 * never stands for a permission string. A stored grant that cannot be parsed holds
 * nothing.
 * <p>
 * Permission strings are parsed once per distinct string (up to a bound that arbitrary
 * programmatic strings cannot grow past): checks ask for the same few strings over and
 * over, and snapshots of many subjects hold the same grants.
 */
public final class GrantImplication {

	private static final int MAX_CACHED = 4096;

	private final Roles roles;

	private final Map<String, Requested> requested = new ConcurrentHashMap<>();

	private final Map<String, Held> held = new ConcurrentHashMap<>();

	private final Map<Held, TrieShape> shapes = new ConcurrentHashMap<>();

	private final GrantConditions conditions;

	/**
	 * Create the implication over a set of roles.
	 * @param roles the roles grants and requests may name
	 */
	public GrantImplication(Roles roles) {
		this(roles, PolicySets.NONE);
	}

	/**
	 * Create the implication over a set of roles, with grant conditions that may name
	 * policy sets.
	 * @param roles the roles grants and requests may name
	 * @param sets the user and resource sets of configuration
	 */
	public GrantImplication(Roles roles, PolicySets sets) {
		Assert.notNull(roles, "roles cannot be null");
		this.roles = roles;
		this.conditions = new GrantConditions(sets);
	}

	/**
	 * Check that a permission can be granted: a role name, or a permission that parses.
	 * @param permission the permission of a grant
	 * @throws IllegalArgumentException when it is neither
	 */
	public void validate(String permission) {
		held(permission);
	}

	/**
	 * The conditions grants may carry, parsed once per distinct text for the store's
	 * validation and the snapshots alike.
	 * @return the conditions
	 */
	public GrantConditions conditions() {
		return this.conditions;
	}

	/**
	 * Whether a grant of one permission implies another.
	 * @param heldPermission the permission of a stored grant
	 * @param requestedPermission the permission asked about
	 * @return whether the grant implies it; {@code false} for a grant that cannot be
	 * parsed
	 * @throws IllegalArgumentException when the requested permission cannot be parsed
	 */
	public boolean implies(String heldPermission, String requestedPermission) {
		Requested asked = requested(requestedPermission);
		Held grant;
		try {
			grant = held(heldPermission);
		}
		catch (IllegalArgumentException ex) {
			// A stored grant that cannot be parsed allows nothing
			return false;
		}
		return grant.implies(asked);
	}

	/**
	 * What a grant of a permission holds.
	 * @param permission the permission of the grant
	 * @return what it holds
	 * @throws IllegalArgumentException when it is not a role and cannot be parsed
	 */
	Held held(String permission) {
		Held cached = this.held.get(permission);
		if (cached != null) {
			return cached;
		}
		Held parsed = this.roles.isRole(permission)
				? new Held(this.roles.permissionsOf(permission), this.roles.rolesIncludedIn(permission), true)
				: new Held(List.of(WildcardPermission.parse(permission)), Set.of(), false);
		if (this.held.size() < MAX_CACHED) {
			this.held.put(permission, parsed);
		}
		return parsed;
	}

	/**
	 * The index of what one grant holds, shared by every scope of every snapshot that has
	 * only a grant of the same permission or role.
	 * @param held what the grant holds
	 * @return the frozen shape
	 */
	TrieShape shape(Held held) {
		TrieShape cached = this.shapes.get(held);
		if (cached != null) {
			return cached;
		}
		TrieShape built = TrieShape.of(held);
		if (this.shapes.size() < MAX_CACHED) {
			this.shapes.put(held, built);
		}
		return built;
	}

	/**
	 * A requested permission, parsed.
	 * @param permission the permission asked about
	 * @return its parsed form
	 * @throws IllegalArgumentException when it is not a role and cannot be parsed
	 */
	Requested requested(String permission) {
		Requested cached = this.requested.get(permission);
		if (cached != null) {
			return cached;
		}
		Requested parsed = this.roles.isRole(permission) ? new Requested(permission, null, permission)
				: new Requested(permission, WildcardPermission.parse(permission), null);
		if (this.requested.size() < MAX_CACHED) {
			this.requested.put(permission, parsed);
		}
		return parsed;
	}

	/**
	 * A requested permission, parsed, or {@code null} when it cannot be parsed.
	 * @param permission the permission asked about
	 * @return its parsed form, or {@code null}
	 */
	@Nullable Requested requestedOrNull(String permission) {
		Requested cached = this.requested.get(permission);
		if (cached != null) {
			return cached;
		}
		try {
			return requested(permission);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * What one grant holds.
	 *
	 * @param permissions the permissions it holds
	 * @param roles the roles it holds (for a role grant: the role and the roles it
	 * includes)
	 * @param role whether the grant names a role
	 */
	record Held(List<WildcardPermission> permissions, Set<String> roles, boolean role) {

		boolean implies(Requested requested) {
			String askedRole = requested.role();
			if (askedRole != null) {
				return this.roles.contains(askedRole);
			}
			WildcardPermission asked = requested.permission();
			if (asked == null) {
				return false;
			}
			for (WildcardPermission permission : this.permissions) {
				if (permission.implies(asked)) {
					return true;
				}
			}
			return false;
		}

	}

	/**
	 * A requested permission, parsed: either a role name or a permission.
	 *
	 * @param text the permission as asked
	 * @param permission the parsed permission, or {@code null} when it names a role
	 * @param role the role it names, or {@code null}
	 * @param missing the permission as the one missing from a denial
	 */
	record Requested(String text, @Nullable WildcardPermission permission, @Nullable String role,
			List<String> missing) {

		Requested(String text, @Nullable WildcardPermission permission, @Nullable String role) {
			// built once per distinct string, so a denial allocates no list
			this(text, permission, role, List.of(text));
		}

	}

}
