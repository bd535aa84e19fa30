package io.github.permissionmanager.reliability;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.zaxxer.hikari.HikariDataSource;
import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.decide.DefaultPermissionManager;
import io.github.permissionmanager.reliability.DecisionPropertyTests.Check;
import io.github.permissionmanager.reliability.DecisionPropertyTests.World;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based, with grant conditions: the random worlds of
 * {@link DecisionPropertyTests} with a condition on about a third of the grants, and
 * checks carrying random just-in-time attributes (present or missing, of the expected
 * type or not, named like the built-in {@code id} and {@code tenant}); the default
 * evaluator and the JDBC store must answer exactly as {@link ReferenceDecisions}, and an
 * explanation must agree with the check. A failure prints the seed, the world and the
 * check.
 */
class ConditionPropertyTests {

	static final long SEED = 20261204L;

	private static final List<Object> VALUES = List.of("draft", "final", "eng", "England", "abcd", "ab", "t1", "bob",
			"3", 1, 3, 4, true, false, "true");

	private static final List<String> SUBJECT_ATTRIBUTES = List.of("department", "location", "id");

	private static final List<String> RESOURCE_ATTRIBUTES = List.of("status", "department", "level", "flag", "title",
			"tenant", "id");

	@Test
	void defaultEvaluatorAgreesWithTheReferenceOnRandomWorldsWithConditions() {
		Random random = new Random(SEED);
		int allowed = 0;
		for (int world = 0; world < 300; world++) {
			World w = withConditions(World.random(random), random);
			DefaultPermissionManager engine = w.engine();
			ReferenceDecisions reference = new ReferenceDecisions(w.grants(), w.memberships(),
					DecisionPropertyTests.ROLES, DecisionPropertyTests.NOW);
			for (int i = 0; i < 150; i++) {
				Check check = withAttributes(Check.random(random), random);
				boolean expected = reference.allows(check.subject(), check.permission(), check.resource());
				assertThat(engine.check(check.subject(), check.permission(), check.resource()))
					.as("seed %d, world %d: %s%n%s", SEED, world, check, w)
					.isEqualTo(expected);
				assertThat(engine.explain(check.subject(), check.permission(), check.resource()).allowed())
					.as("explain, seed %d, world %d: %s%n%s", SEED, world, check, w)
					.isEqualTo(expected);
				allowed += expected ? 1 : 0;
			}
		}
		// the worlds allow often enough for the comparison to mean something
		assertThat(allowed).isGreaterThan(1000);
	}

	@Test
	void jdbcStoreOnH2AgreesWithTheReferenceOnRandomWorldsWithConditions() {
		Random random = new Random(SEED + 1);
		try (HikariDataSource dataSource = new HikariDataSource()) {
			dataSource.setJdbcUrl("jdbc:h2:mem:reliability-conditions;DB_CLOSE_DELAY=-1");
			dataSource.setUsername("sa");
			for (int world = 0; world < 25; world++) {
				World w = withConditions(World.random(random), random);
				Store store = Store.on(dataSource, "rel_cond_", DecisionPropertyTests.ROLES,
						Clock.fixed(DecisionPropertyTests.NOW, ZoneOffset.UTC));
				store.grants().grantAll(w.grants());
				w.memberships()
					.forEach((user, groups) -> groups.forEach((group) -> store.grants().addMember(group, user)));
				ReferenceDecisions reference = new ReferenceDecisions(w.grants(), w.memberships(),
						DecisionPropertyTests.ROLES, DecisionPropertyTests.NOW);
				for (int i = 0; i < 100; i++) {
					Check check = withAttributes(Check.random(random), random);
					assertThat(store.manager().check(check.subject(), check.permission(), check.resource()))
						.as("seed %d, world %d: %s%n%s", SEED + 1, world, check, w)
						.isEqualTo(reference.allows(check.subject(), check.permission(), check.resource()));
				}
			}
		}
	}

	private static World withConditions(World world, Random random) {
		List<Grant> grants = new ArrayList<>();
		for (Grant grant : world.grants()) {
			grants.add((random.nextInt(3) == 0) ? grant.when(pick(random, ReferenceDecisions.CONDITIONS)) : grant);
		}
		return new World(grants, world.memberships());
	}

	private static Check withAttributes(Check check, Random random) {
		Subject subject = check.subject();
		for (String name : SUBJECT_ATTRIBUTES) {
			if (random.nextInt(3) > 0) {
				subject = subject.withAttribute(name, pick(random, VALUES));
			}
		}
		Resource resource = check.resource();
		if (resource != null) {
			for (String name : RESOURCE_ATTRIBUTES) {
				if (random.nextInt(3) > 0) {
					resource = resource.withAttribute(name, pick(random, VALUES));
				}
			}
		}
		return new Check(subject, check.permission(), resource);
	}

	private static <T> T pick(Random random, List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

}
