package io.github.permissionmanager.benchmarks.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

import org.springframework.util.Assert;

/**
 * A generated population of grants, the same for every contender.
 * <p>
 * Shape: every user holds {@value #ROLE_GRANTS_PER_USER} role grants on distinct events
 * (one of four roles of {@value #PERMISSIONS_PER_ROLE} permissions each) and
 * {@value #DIRECT_GRANTS_PER_USER} per-object permission grants on other events, so each
 * user holds exactly {@value #PERMISSIONS_PER_USER} (permission, event) pairs once roles
 * are expanded. Users = grants / {@value #GRANTS_PER_USER}, events = grants / 100 (so
 * each event has about 100 grants whatever the size). Deterministic for a given size and
 * seed.
 * <p>
 * The checks are half allowed (a permission the user holds on one of its events, through
 * a role or directly) and half denied (a permission the user's role on that event lacks,
 * or an event the user holds nothing on). The expected answer of each check is computed
 * from the grant list itself, independently of every contender.
 */
public final class GrantData {

	/** Role grants per user. */
	public static final int ROLE_GRANTS_PER_USER = 20;

	/** Per-object permission grants per user. */
	public static final int DIRECT_GRANTS_PER_USER = 20;

	/** Grants per user. */
	public static final int GRANTS_PER_USER = ROLE_GRANTS_PER_USER + DIRECT_GRANTS_PER_USER;

	/** Permissions in every role. */
	public static final int PERMISSIONS_PER_ROLE = 4;

	/** (permission, event) pairs each user holds once roles are expanded. */
	public static final int PERMISSIONS_PER_USER = ROLE_GRANTS_PER_USER * PERMISSIONS_PER_ROLE + DIRECT_GRANTS_PER_USER;

	/** The resource type every grant is scoped to. */
	public static final String RESOURCE_TYPE = "event";

	/** The roles, by name, with the permissions they bundle. */
	public static final Map<String, List<String>> ROLES = roles();

	/** Every permission that appears in a role or a direct grant. */
	public static final List<String> PERMISSIONS = List.of("event:read", "event:update", "event:delete",
			"session:create", "session:update", "session:delete", "attendee:read", "attendee:update");

	private static final List<String> ROLE_NAMES = List.copyOf(ROLES.keySet());

	private final int size;

	private final int userCount;

	private final int eventCount;

	private final List<GeneratedGrant> grants;

	private final List<Check> checks;

	private GrantData(int size, int userCount, int eventCount, List<GeneratedGrant> grants, List<Check> checks) {
		this.size = size;
		this.userCount = userCount;
		this.eventCount = eventCount;
		this.grants = grants;
		this.checks = checks;
	}

	private static Map<String, List<String>> roles() {
		Map<String, List<String>> roles = new LinkedHashMap<>();
		roles.put("organizer", List.of("event:read", "event:update", "event:delete", "session:update"));
		roles.put("coorganizer", List.of("event:read", "event:update", "session:create", "session:update"));
		roles.put("moderator", List.of("event:read", "session:update", "session:delete", "attendee:read"));
		roles.put("registrar", List.of("event:read", "attendee:read", "attendee:update", "session:create"));
		// insertion order, not Map.copyOf's per-JVM order: every fork must generate the
		// same grants
		return Collections.unmodifiableMap(roles);
	}

	/**
	 * Generate a population.
	 * @param size the number of grants (a multiple of {@value #GRANTS_PER_USER}, at least
	 * 4,000)
	 * @param checkCount how many checks to generate (a power of two)
	 * @param seed the random seed
	 * @return the population
	 */
	public static GrantData generate(int size, int checkCount, long seed) {
		Assert.isTrue(size >= 4000 && size % GRANTS_PER_USER == 0, "size must be a multiple of 40, at least 4000");
		Assert.isTrue(Integer.bitCount(checkCount) == 1, "checkCount must be a power of two");
		SplittableRandom random = new SplittableRandom(seed);
		int userCount = size / GRANTS_PER_USER;
		int eventCount = size / 100;
		List<GeneratedGrant> grants = new ArrayList<>(size);
		for (int u = 0; u < userCount; u++) {
			String user = "user" + u;
			int[] events = distinctEvents(random, eventCount, GRANTS_PER_USER);
			for (int i = 0; i < GRANTS_PER_USER; i++) {
				boolean role = i < ROLE_GRANTS_PER_USER;
				String name = role ? ROLE_NAMES.get(random.nextInt(ROLE_NAMES.size()))
						: PERMISSIONS.get(random.nextInt(PERMISSIONS.size()));
				grants.add(new GeneratedGrant(user, name, role, events[i]));
			}
		}
		List<Check> checks = checks(random, grants, userCount, eventCount, checkCount);
		return new GrantData(size, userCount, eventCount, List.copyOf(grants), checks);
	}

	private static int[] distinctEvents(SplittableRandom random, int eventCount, int count) {
		Set<Integer> seen = new HashSet<>();
		int[] events = new int[count];
		int n = 0;
		while (n < count) {
			int event = random.nextInt(eventCount);
			if (seen.add(event)) {
				events[n++] = event;
			}
		}
		return events;
	}

	private static List<Check> checks(SplittableRandom random, List<GeneratedGrant> grants, int userCount,
			int eventCount, int checkCount) {
		List<Check> checks = new ArrayList<>(checkCount);
		for (int i = 0; i < checkCount; i++) {
			int u = random.nextInt(userCount);
			List<GeneratedGrant> own = grants.subList(u * GRANTS_PER_USER, (u + 1) * GRANTS_PER_USER);
			GeneratedGrant grant = own.get(random.nextInt(GRANTS_PER_USER));
			String permission;
			int event;
			if (i % 2 == 0) {
				// allowed: a permission the grant gives on its event
				List<String> given = grant.permissions();
				permission = given.get(random.nextInt(given.size()));
				event = grant.event();
			}
			else if (i % 4 == 1) {
				// denied: the grant's event, a permission the grant does not give
				permission = pickOther(random, grant.permissions());
				event = grant.event();
			}
			else {
				// denied (usually): an event the user may hold nothing on
				permission = PERMISSIONS.get(random.nextInt(PERMISSIONS.size()));
				event = random.nextInt(eventCount);
			}
			checks.add(new Check(grant.user(), permission, event, expected(own, permission, event)));
		}
		return List.copyOf(checks);
	}

	private static String pickOther(SplittableRandom random, List<String> given) {
		while (true) {
			String candidate = PERMISSIONS.get(random.nextInt(PERMISSIONS.size()));
			if (!given.contains(candidate)) {
				return candidate;
			}
		}
	}

	/** The reference answer: a scan of the user's own grant list. */
	private static boolean expected(List<GeneratedGrant> own, String permission, int event) {
		for (GeneratedGrant grant : own) {
			if (grant.event() == event && grant.permissions().contains(permission)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The number of grants.
	 * @return the size
	 */
	public int size() {
		return this.size;
	}

	/**
	 * The number of users.
	 * @return the count
	 */
	public int userCount() {
		return this.userCount;
	}

	/**
	 * The number of events.
	 * @return the count
	 */
	public int eventCount() {
		return this.eventCount;
	}

	/**
	 * Every grant, grouped by user in user order.
	 * @return the grants
	 */
	public List<GeneratedGrant> grants() {
		return this.grants;
	}

	/**
	 * The grants of one user.
	 * @param user the user name
	 * @return its grants
	 */
	public List<GeneratedGrant> grantsOf(String user) {
		int u = Integer.parseInt(user.substring("user".length()));
		return this.grants.subList(u * GRANTS_PER_USER, (u + 1) * GRANTS_PER_USER);
	}

	/**
	 * A hash of every grant and check, equal across JVMs for the same population.
	 * @return the fingerprint
	 */
	public int fingerprint() {
		return 31 * this.grants.hashCode() + this.checks.hashCode();
	}

	/**
	 * The checks, half allowed and half (about) denied.
	 * @return the checks
	 */
	public List<Check> checks() {
		return this.checks;
	}

	/**
	 * One generated grant: a role or a permission given to a user on one event.
	 *
	 * @param user the user name
	 * @param name the role or permission name
	 * @param role whether {@code name} is a role
	 * @param event the event id
	 */
	public record GeneratedGrant(String user, String name, boolean role, int event) {

		/**
		 * The permissions this grant gives.
		 * @return the role's permissions, or the one permission
		 */
		public List<String> permissions() {
			return this.role ? Objects.requireNonNull(ROLES.get(this.name), this.name) : List.of(this.name);
		}

	}

	/**
	 * One timed question and its expected answer.
	 *
	 * @param user the user name
	 * @param permission the permission, e.g. {@code event:update}
	 * @param event the event id
	 * @param expected whether it must be allowed
	 */
	public record Check(String user, String permission, int event, boolean expected) {
	}

}
