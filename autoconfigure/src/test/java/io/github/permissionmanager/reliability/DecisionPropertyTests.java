package io.github.permissionmanager.reliability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.zaxxer.hikari.HikariDataSource;
import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.decide.DecisionService;
import io.github.permissionmanager.decide.DefaultPermissionEvaluator;
import io.github.permissionmanager.decide.DefaultPermissionManager;
import io.github.permissionmanager.decide.GrantSnapshotCache;
import io.github.permissionmanager.decide.Roles;
import io.github.permissionmanager.decide.SubjectGrants;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based: seeded random worlds of grants (users and groups, tenants, types,
 * objects, wildcards, roles, expiry, names differing only in case or a trailing space,
 * ids and types holding {@code *}, {@code ,} and {@code :}) and random checks; the
 * default evaluator must answer exactly as {@link ReferenceDecisions}, a plain reading of
 * DESIGN.md §6. A failure prints the seed, the world and the check.
 */
class DecisionPropertyTests {

	static final long SEED = 20261122L;

	static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

	static final Map<String, List<String>> ROLES = roles();

	static final List<String> USERS = List.of("alice", "bob", "carol", "Alice", "bob ");

	static final List<String> GROUPS = List.of("staff", "ops", "Staff", "*");

	static final List<String> TENANTS = List.of("t1", "t2", "T1", "*");

	static final List<String> TYPES = List.of("doc", "folder", "Doc", "*", "do*", "doc,folder", "doc:x");

	static final List<String> IDS = List.of("1", "2", "01", "*", "1,2", "1:2", "x*", "1 ");

	static final List<String> FIRST = List.of("doc", "folder", "*", "doc,folder", "Doc", "do*");

	static final List<String> SECOND = List.of("read", "write", "*", "read,write", "Read", "re*d", "delete");

	static final List<String> THIRD = List.of("1", "*", "x");

	@Test
	void defaultEvaluatorAgreesWithTheReferenceOnRandomWorlds() {
		Random random = new Random(SEED);
		int checks = 0;
		for (int world = 0; world < 300; world++) {
			World w = World.random(random);
			DefaultPermissionManager engine = w.engine();
			ReferenceDecisions reference = new ReferenceDecisions(w.grants, w.memberships, ROLES, NOW);
			for (int i = 0; i < 150; i++) {
				Check check = Check.random(random);
				boolean expected = reference.allows(check.subject, check.permission, check.resource);
				assertThat(engine.check(check.subject, check.permission, check.resource))
					.as("seed %d, world %d: %s%n%s", SEED, world, check, w)
					.isEqualTo(expected);
				checks++;
			}
		}
		assertThat(checks).isEqualTo(45_000);
	}

	@Test
	void jdbcStoreOnH2AgreesWithTheReferenceOnRandomWorlds() {
		Random random = new Random(SEED + 1);
		try (HikariDataSource dataSource = new HikariDataSource()) {
			dataSource.setJdbcUrl("jdbc:h2:mem:reliability-properties;DB_CLOSE_DELAY=-1");
			dataSource.setUsername("sa");
			for (int world = 0; world < 25; world++) {
				World w = World.random(random);
				Store store = Store.on(dataSource, "rel_prop_", ROLES, Clock.fixed(NOW, ZoneOffset.UTC));
				store.grants().grantAll(w.grants);
				w.memberships
					.forEach((user, groups) -> groups.forEach((group) -> store.grants().addMember(group, user)));
				ReferenceDecisions reference = new ReferenceDecisions(w.grants, w.memberships, ROLES, NOW);
				for (int i = 0; i < 100; i++) {
					Check check = Check.random(random);
					assertThat(store.manager().check(check.subject, check.permission, check.resource))
						.as("seed %d, world %d: %s%n%s", SEED + 1, world, check, w)
						.isEqualTo(reference.allows(check.subject, check.permission, check.resource));
				}
			}
		}
	}

	@Test
	void grantsWhoseTypeOrIdHoldWildcardCharactersNeverWidenAccess() {
		List<Grant> grants = List.of(Grant.of(Grantee.user("bob"), "doc:read").on("doc", "*"),
				Grant.of(Grantee.user("bob"), "doc:read").on("*"),
				Grant.of(Grantee.user("bob"), "doc:read").on("doc", "1,2"),
				Grant.of(Grantee.user("bob"), "doc:read").on("doc", "3:4"),
				Grant.of(Grantee.user("bob"), "doc:read").on("doc,folder"),
				Grant.of(Grantee.user("bob"), "doc:read").on("doc", "5").inTenant("*"),
				Grant.of(Grantee.group("*"), "doc:read"));
		World world = new World(grants, Map.of());
		DefaultPermissionManager engine = world.engine();
		for (String id : List.of("1", "2", "3", "4", "5", "x", "")) {
			if (!id.isEmpty()) {
				assertThat(engine.check(Subject.of("bob"), "doc:read", Resource.of("doc", id))).as(id).isFalse();
				assertThat(engine.check(Subject.of("bob"), "doc:read", Resource.of("doc", id).withTenant("t1"))).as(id)
					.isFalse();
			}
		}
		assertThat(engine.check(Subject.of("bob"), "doc:read", Resource.of("folder", 1))).isFalse();
		assertThat(engine.check(Subject.of("bob"), "doc:read", Resource.ofType("doc"))).isFalse();
		assertThat(engine.check(Subject.of("bob"), "doc:read", null)).isFalse();
		assertThat(engine.check(Subject.of("bob").withGroups("staff"), "doc:read", Resource.of("doc", 1))).isFalse();
		// each is exactly the object it names
		assertThat(engine.check(Subject.of("bob"), "doc:read", Resource.of("doc", "*"))).isTrue();
		assertThat(engine.check(Subject.of("bob"), "doc:read", Resource.of("doc", "1,2"))).isTrue();
		assertThat(engine.check(Subject.of("bob"), "doc:read", Resource.of("doc", "3:4"))).isTrue();
		assertThat(engine.check(Subject.of("bob"), "doc:read", Resource.of("*", "9"))).isTrue();
		assertThat(engine.check(Subject.of("bob"), "doc:read", Resource.of("doc", "5").withTenant("*"))).isTrue();
		assertThat(engine.check(Subject.of("eve").withGroups("*"), "doc:read", null)).isTrue();
	}

	@Test
	void aPermissionPartThatOnlyContainsAnAsteriskIsNotAWildcard() {
		// Shiro: only an alternative that is exactly "*" matches any part
		World world = new World(List.of(Grant.of(Grantee.user("bob"), "doc:re*d"), Grant.of(Grantee.user("bob"), "x*")),
				Map.of());
		DefaultPermissionManager engine = world.engine();
		assertThat(engine.check(Subject.of("bob"), "doc:delete", null)).isFalse();
		assertThat(engine.check(Subject.of("bob"), "doc:write", Resource.of("doc", 1))).isFalse();
		assertThat(engine.check(Subject.of("bob"), "anything", null)).isFalse();
		assertThat(engine.check(Subject.of("bob"), "doc:re*d", null)).isTrue();
		assertThat(engine.check(Subject.of("bob"), "x*:y", null)).isTrue();
	}

	private static Map<String, List<String>> roles() {
		Map<String, List<String>> roles = new LinkedHashMap<>();
		roles.put("viewer", List.of("doc:read", "folder:read"));
		roles.put("editor", List.of("viewer", "doc:write", "folder:*"));
		roles.put("owner", List.of("editor", "doc:delete:*"));
		roles.put("root", List.of("*"));
		return roles;
	}

	private static <T> T pick(Random random, List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	private static String permission(Random random) {
		int parts = 1 + random.nextInt(3);
		StringBuilder permission = new StringBuilder(pick(random, FIRST));
		if (parts > 1) {
			permission.append(':').append(pick(random, SECOND));
		}
		if (parts > 2) {
			permission.append(':').append(pick(random, THIRD));
		}
		return permission.toString();
	}

	/**
	 * A set of grants and store memberships.
	 */
	record World(List<Grant> grants, Map<String, Set<String>> memberships) {

		static World random(Random random) {
			List<Grant> grants = new ArrayList<>();
			Set<Grant> seen = new HashSet<>();
			int count = 1 + random.nextInt(12);
			while (grants.size() < count) {
				Grantee grantee = (random.nextInt(4) == 0) ? Grantee.group(pick(random, GROUPS))
						: Grantee.user(pick(random, USERS));
				String permission = (random.nextInt(4) == 0) ? pick(random, List.copyOf(ROLES.keySet()))
						: DecisionPropertyTests.permission(random);
				Grant grant = Grant.of(grantee, permission);
				if (random.nextInt(10) < 7) {
					String type = pick(random, TYPES);
					grant = (random.nextInt(10) < 6) ? grant.on(type, pick(random, IDS)) : grant.on(type);
				}
				if (random.nextInt(10) < 3) {
					grant = grant.inTenant(pick(random, TENANTS));
				}
				if (random.nextInt(10) < 2) {
					grant = grant.until(NOW.plus(Duration.ofMinutes(random.nextBoolean() ? 5 : -5)));
				}
				// one row per identity, as the store keeps it
				Grant candidate = grant;
				if (seen.stream().noneMatch((other) -> sameIdentity(other, candidate))) {
					seen.add(candidate);
					grants.add(candidate);
				}
			}
			Map<String, Set<String>> memberships = new LinkedHashMap<>();
			for (String user : USERS) {
				for (String group : GROUPS) {
					if (random.nextInt(5) == 0) {
						memberships.computeIfAbsent(user, (key) -> new LinkedHashSet<>()).add(group);
					}
				}
			}
			return new World(grants, memberships);
		}

		private static boolean sameIdentity(Grant a, Grant b) {
			return a.grantee().equals(b.grantee()) && a.permission().equals(b.permission())
					&& java.util.Objects.equals(a.resourceType(), b.resourceType())
					&& java.util.Objects.equals(a.resourceId(), b.resourceId())
					&& java.util.Objects.equals(a.tenant(), b.tenant());
		}

		DefaultPermissionManager engine() {
			GrantSnapshotCache cache = cache();
			return new DefaultPermissionManager(decisions(cache), cache);
		}

		// the decision path of annotated checks and of the Spring Security bridges
		DecisionService decisions() {
			return decisions(cache());
		}

		private GrantSnapshotCache cache() {
			return new GrantSnapshotCache(this::load, new Roles(ROLES), Clock.fixed(NOW, ZoneOffset.UTC),
					Duration.ofMinutes(10), 1000);
		}

		private static DecisionService decisions(GrantSnapshotCache cache) {
			return new DecisionService(new DefaultPermissionEvaluator(cache), (event) -> {
			}, false);
		}

		// What the JDBC loader reads: the user's store groups, and the grants of the
		// user, of those groups and of the groups the subject carries
		private SubjectGrants load(String user, Set<String> carried) {
			Set<String> storeGroups = this.memberships.getOrDefault(user, Set.of());
			List<Grant> mine = this.grants.stream()
				.filter((grant) -> (grant.grantee().kind() == Grantee.Kind.USER) ? grant.grantee().name().equals(user)
						: storeGroups.contains(grant.grantee().name()) || carried.contains(grant.grantee().name()))
				.toList();
			return new SubjectGrants(storeGroups, mine);
		}

		@Override
		public String toString() {
			StringBuilder text = new StringBuilder("grants:");
			this.grants.forEach((grant) -> text.append(System.lineSeparator()).append("  ").append(grant));
			return text.append(System.lineSeparator()).append("memberships: ").append(this.memberships).toString();
		}

	}

	/**
	 * One check.
	 */
	record Check(Subject subject, String permission, @Nullable Resource resource) {

		static Check random(Random random) {
			Subject subject = Subject.of(pick(random, USERS));
			if (random.nextInt(4) == 0) {
				subject = subject.withGroups(pick(random, GROUPS));
			}
			String permission = DecisionPropertyTests.permission(random);
			Resource resource = null;
			int shape = random.nextInt(10);
			if (shape >= 2) {
				String type = pick(random, TYPES);
				resource = (shape < 4) ? Resource.ofType(type) : Resource.of(type, pick(random, IDS));
				if (random.nextInt(10) < 4) {
					resource = resource.withTenant(pick(random, TENANTS));
				}
			}
			return new Check(subject, permission, resource);
		}

	}

}
