package io.github.permissionmanager.sample.reliability;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What the demo users may do, written out from DemoData and application.yml for the fuzz
 * run's expectations (and independent of the engine): alice organizes event 1, bob
 * co-organizes it, erin organizes event 2, carol speaks at session 2, frank may read
 * every event in the tenant (site) opentech only, admin holds permissions:admin, dave
 * holds nothing.
 */
final class DemoGrants {

	static final Set<String> USERS = Set.of("admin", "alice", "bob", "carol", "dave", "erin", "frank");

	private static final List<String> COORGANIZER = List.of("event:read", "event:update", "session:*", "speaker:*");

	private static final List<String> ORGANIZER = List.of("event:read", "event:update", "session:*", "speaker:*",
			"event:delete", "track:*");

	private static final List<String> SPEAKER = List.of("session:read", "speaker:read");

	private static final Map<String, Held> GRANTS = Map.of("alice", new Held(ORGANIZER, "event", 1L, null), "bob",
			new Held(COORGANIZER, "event", 1L, null), "erin", new Held(ORGANIZER, "event", 2L, null), "carol",
			new Held(SPEAKER, "session", 2L, null), "frank",
			new Held(List.of("event:read"), "event", null, "opentech"));

	private DemoGrants() {
	}

	static boolean authenticated(@Nullable String user) {
		return user != null && USERS.contains(user);
	}

	static boolean isAdmin(@Nullable String user) {
		return "admin".equals(user);
	}

	/**
	 * Whether a demo user holds a permission on one object, in no tenant.
	 * @param user the user, or {@code null} for an anonymous call
	 * @param permission the permission
	 * @param type the resource type
	 * @param id the object id, or {@code null} when the call names none that exists
	 * @return whether a demo grant allows it
	 */
	static boolean holds(@Nullable String user, String permission, String type, @Nullable Long id) {
		return holds(user, permission, type, id, null);
	}

	/**
	 * Whether a demo user holds a permission on one object in a tenant: a grant in no
	 * tenant counts in every tenant, a grant in a tenant only there.
	 * @param user the user, or {@code null} for an anonymous call
	 * @param permission the permission
	 * @param type the resource type
	 * @param id the object id, or {@code null} when the call names none that exists
	 * @param tenant the tenant of the call, or {@code null}
	 * @return whether a demo grant allows it
	 */
	static boolean holds(@Nullable String user, String permission, String type, @Nullable Long id,
			@Nullable String tenant) {
		Held held = (user != null) ? GRANTS.get(user) : null;
		if (held == null || id == null || !held.type.equals(type) || (held.id != null && !held.id.equals(id))
				|| (held.tenant != null && !held.tenant.equals(tenant))) {
			return false;
		}
		for (String permitted : held.permissions) {
			if (permitted.endsWith(":*") ? permission.startsWith(permitted.substring(0, permitted.length() - 1))
					: permitted.equals(permission)) {
				return true;
			}
		}
		return false;
	}

	// id null: every object of the type; tenant null: every tenant
	private record Held(List<String> permissions, String type, @Nullable Long id, @Nullable String tenant) {
	}

}
