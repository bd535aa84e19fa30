package io.github.permissionmanager.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.permissionmanager.Decision;
import io.github.permissionmanager.Grant;
import io.github.permissionmanager.GrantQuery;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.PermissionDecisionEvent;
import io.github.permissionmanager.PermissionEvaluationException;
import io.github.permissionmanager.PermissionRequest;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.decide.DecisionService;
import io.github.permissionmanager.decide.DefaultPermissionEvaluator;
import io.github.permissionmanager.decide.DefaultPermissionManager;
import io.github.permissionmanager.decide.GrantSnapshotCache;
import io.github.permissionmanager.decide.SubjectGrants;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Decisions answered from the grant store, on one database: object, type-wide, global and
 * tenant grants, roles, groups, expiry, changes seen at once through the cache, object
 * lists, and denials when the store is slow or fails. The same suite runs on H2,
 * PostgreSQL and MariaDB.
 */
abstract class AbstractStoreDecisionTests extends AbstractPermissionStoreTests {

	@Test
	void eightThreadsCheckingWhileARevokeCommitsNeverSeeAnAllowAfterTheRevokeReturned() throws Exception {
		Grant grant = Grant.of(Grantee.user("bob"), "event:update").on("event", 7);
		Resource event = Resource.of("event", 7);
		for (int round = 0; round < 20; round++) {
			this.grants.grant(grant);
			assertThat(this.manager.check("bob", "event:update", event)).isTrue();
			AtomicBoolean revoked = new AtomicBoolean();
			AtomicInteger staleAllows = new AtomicInteger();
			AtomicInteger checksAfterRevoke = new AtomicInteger();
			CountDownLatch started = new CountDownLatch(8);
			ExecutorService threads = Executors.newFixedThreadPool(8);
			try {
				List<Future<?>> checkers = new ArrayList<>();
				for (int t = 0; t < 8; t++) {
					checkers.add(threads.submit(() -> {
						started.countDown();
						// Each thread keeps checking until it has made enough checks
						// after the revoke
						while (checksAfterRevoke.get() < 400) {
							boolean revokeHadReturned = revoked.get();
							boolean allowed = this.manager.check("bob", "event:update", event);
							if (revokeHadReturned) {
								checksAfterRevoke.incrementAndGet();
								if (allowed) {
									staleAllows.incrementAndGet();
								}
							}
						}
					}));
				}
				started.await();
				this.grants.revoke(grant);
				revoked.set(true);
				for (Future<?> checker : checkers) {
					checker.get(60, TimeUnit.SECONDS);
				}
			}
			finally {
				threads.shutdownNow();
			}
			assertThat(staleAllows.get()).as("allows seen after revoke returned, round %d", round).isZero();
			assertThat(checksAfterRevoke.get()).isGreaterThanOrEqualTo(400);
		}
	}

	@Test
	void checkWhenTheStoreIsSlowerThanTheTimeoutThenDeniesInsteadOfWaiting() throws Exception {
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:read"));
		JdbcTemplate template = new JdbcTemplate(this.dataSource);
		template.setQueryTimeout(1);
		GrantSnapshotCache slowCache = new GrantSnapshotCache(new JdbcSubjectGrantsLoader(template, this.tables), ROLES,
				this.clock, Duration.ofMinutes(10), 1000);
		DecisionService decisions = new DecisionService(new DefaultPermissionEvaluator(slowCache),
				(event) -> this.events.add((PermissionDecisionEvent) event), true, this.clock);
		DefaultPermissionManager slowManager = new DefaultPermissionManager(decisions, slowCache);
		PermissionRequest request = new PermissionRequest(Subject.of("bob"), "event:read", null,
				PermissionContext.empty());

		try (AutoCloseable lock = blockReads(this.tables.grants())) {
			long start = System.nanoTime();
			Decision decision = slowManager.explain("bob", "event:read");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
			assertThat(decision.allowed()).isFalse();
			assertThat(decision.reason()).startsWith("evaluation failed");
			assertThatExceptionOfType(PermissionEvaluationException.class).isThrownBy(() -> decisions.decide(request));
			assertThat(this.events).extracting(PermissionDecisionEvent::allowed).containsOnly(false);
		}
		assertThat(slowManager.check("bob", "event:read")).isTrue();
	}

	@Test
	void checkWhenTheStoreFailsThenDenies() {
		GrantSnapshotCache broken = new GrantSnapshotCache(
				new JdbcSubjectGrantsLoader(new JdbcTemplate(this.dataSource), new StoreTables("missing_")), ROLES,
				this.clock, Duration.ofMinutes(10), 1000);
		DecisionService decisions = new DecisionService(new DefaultPermissionEvaluator(broken), (event) -> {
		}, true, this.clock);
		DefaultPermissionManager brokenManager = new DefaultPermissionManager(decisions, broken);

		assertThat(brokenManager.check("bob", "event:read")).isFalse();
		assertThat(brokenManager.explain("bob", "event:read").reason()).startsWith("evaluation failed");
		assertThatExceptionOfType(PermissionEvaluationException.class)
			.isThrownBy(() -> brokenManager.objectIds(Subject.of("bob"), "event:read", "event"));
	}

	@Test
	void loadReadsTheUsersStoreGroupsAndTheGrantsOfTheUserItsStoreGroupsAndCarriedGroupsOnly() {
		Grant own = Grant.of(Grantee.user("bob"), "event:read")
			.on("event", 1)
			.inTenant("acme")
			.until(START.plus(Duration.ofDays(1)))
			.when("resource.id == '1'");
		Grant staff = Grant.of(Grantee.group("staff"), "event:update").on("event", 2);
		Grant auditors = Grant.of(Grantee.group("auditors"), "report:read");
		this.grants.grant(own);
		this.grants.grant(staff);
		this.grants.grant(auditors);
		// the same names of the other kind, and another user's grants and groups
		Grant groupNamedBob = Grant.of(Grantee.group("bob"), "event:delete");
		this.grants.grant(groupNamedBob);
		this.grants.grant(Grant.of(Grantee.user("staff"), "session:read"));
		this.grants.grant(Grant.of(Grantee.user("auditors"), "session:update"));
		this.grants.grant(Grant.of(Grantee.user("carol"), "session:delete"));
		this.grants.grant(Grant.of(Grantee.group("others"), "report:delete"));
		this.grants.addMember("staff", "bob");
		this.grants.addMember("empty", "bob");
		this.grants.addMember("others", "carol");
		JdbcSubjectGrantsLoader loader = new JdbcSubjectGrantsLoader(new JdbcTemplate(this.dataSource), this.tables);

		SubjectGrants plain = loader.load("bob", Set.of());
		assertThat(plain.storeGroups()).containsExactlyInAnyOrder("staff", "empty");
		assertThat(plain.grants()).containsExactlyInAnyOrder(own, staff);

		SubjectGrants carrying = loader.load("bob", new LinkedHashSet<>(List.of("auditors", "nobody")));
		assertThat(carrying.storeGroups()).containsExactlyInAnyOrder("staff", "empty");
		assertThat(carrying.grants()).containsExactlyInAnyOrder(own, staff, auditors);

		// a group named as the user: the rows of both come one after the other
		SubjectGrants namesake = loader.load("bob", Set.of("bob"));
		assertThat(namesake.grants()).containsExactlyInAnyOrder(own, staff, groupNamedBob);
		assertThat(namesake.grants()).filteredOn((grant) -> grant.permission().equals("event:delete"))
			.extracting(Grant::grantee)
			.containsExactly(Grantee.group("bob"));

		SubjectGrants stranger = loader.load("zed", Set.of());
		assertThat(stranger.storeGroups()).isEmpty();
		assertThat(stranger.grants()).isEmpty();
		SubjectGrants carryingOnly = loader.load("zed", Set.of("auditors"));
		assertThat(carryingOnly.storeGroups()).isEmpty();
		assertThat(carryingOnly.grants()).containsExactly(auditors);
	}

	@Test
	void checkWhenUserHoldsGrantOnObjectThenAllowedAndExplainNamesTheGrant() {
		Grant grant = Grant.of(Grantee.user("bob"), "session:update").on("event", 7);
		this.grants.grant(grant);

		Decision decision = this.manager.explain("bob", "session:update", Resource.of("event", 7));

		assertThat(decision.allowed()).isTrue();
		assertThat(decision.grant()).isEqualTo(grant);
		assertThat(decision.reason()).contains("session:update").contains("user 'bob'").contains("event '7'");
	}

	@Test
	void checkWhenNoGrantThenDeniedWithTheMissingPermission() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "session:read").on("event", 7));

		Decision decision = this.manager.explain("bob", "session:update", Resource.of("event", 7));

		assertThat(decision.allowed()).isFalse();
		assertThat(decision.missingPermissions()).containsExactly("session:update");
		assertThat(decision.reason())
			.isEqualTo("no grant of 'session:update' on event '7' to user 'bob' or its groups");
	}

	@Test
	void everyDecisionIsPublishedWithSubjectPermissionResourceOutcomeAndReason() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:read").on("event", 7));

		this.manager.check("bob", "event:read", Resource.of("event", 7));
		this.manager.check("bob", "event:read", Resource.of("event", 8));

		assertThat(this.events).hasSize(2);
		assertThat(this.events.get(0).subject().id()).isEqualTo("bob");
		assertThat(this.events.get(0).permission()).isEqualTo("event:read");
		assertThat(this.events.get(0).resource()).isEqualTo(Resource.of("event", 7));
		assertThat(this.events.get(0).allowed()).isTrue();
		assertThat(this.events.get(1).allowed()).isFalse();
		assertThat(this.events.get(1).reason()).contains("no grant");
	}

	@Test
	void objectGrantAllowsOnlyThatObject() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:update").on("event", 7));

		assertThat(this.manager.check("bob", "event:update", Resource.of("event", 7))).isTrue();
		assertThat(this.manager.check("bob", "event:update", Resource.of("event", "7"))).isTrue();
		assertThat(this.manager.check("bob", "event:update", Resource.of("event", 8))).isFalse();
		assertThat(this.manager.check("bob", "event:update", Resource.of("session", 7))).isFalse();
		assertThat(this.manager.check("bob", "event:update", Resource.ofType("event"))).isFalse();
		assertThat(this.manager.check("bob", "event:update")).isFalse();
	}

	@Test
	void typeWideGrantAllowsEveryObjectOfTheTypeButNotOtherTypesNorUnscopedChecks() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:update").on("event"));

		assertThat(this.manager.check("bob", "event:update", Resource.of("event", 7))).isTrue();
		assertThat(this.manager.check("bob", "event:update", Resource.of("event", 8))).isTrue();
		assertThat(this.manager.check("bob", "event:update", Resource.ofType("event"))).isTrue();
		assertThat(this.manager.check("bob", "event:update", Resource.of("session", 7))).isFalse();
		assertThat(this.manager.check("bob", "event:update")).isFalse();
	}

	@Test
	void globalGrantAllowsEveryResourceAndUnscopedChecks() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:update"));

		assertThat(this.manager.check("bob", "event:update")).isTrue();
		assertThat(this.manager.check("bob", "event:update", Resource.ofType("event"))).isTrue();
		assertThat(this.manager.check("bob", "event:update", Resource.of("event", 7))).isTrue();
		assertThat(this.manager.check("bob", "event:update", Resource.of("session", 1).withTenant("acme"))).isTrue();
	}

	@Test
	void tenantGrantAllowsOnlyInItsTenant() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:read").on("event").inTenant("acme"));

		assertThat(this.manager.check("bob", "event:read", Resource.of("event", 7).withTenant("acme"))).isTrue();
		assertThat(this.manager.check("bob", "event:read", Resource.of("event", 7).withTenant("globex"))).isFalse();
		assertThat(this.manager.check("bob", "event:read", Resource.of("event", 7))).isFalse();
		assertThat(this.manager.check("bob", "event:read", Resource.of("event", 7).withTenant("ACME"))).isFalse();
	}

	@Test
	void globalTenantlessGrantAppliesInEveryTenantButTenantGlobalGrantDoesNotAllowUnscopedChecks() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:read").on("event"));
		this.grants.grant(Grant.of(Grantee.user("carol"), "report:read").inTenant("acme"));

		assertThat(this.manager.check("bob", "event:read", Resource.of("event", 7).withTenant("acme"))).isTrue();
		assertThat(this.manager.check("bob", "event:read", Resource.of("event", 7).withTenant("globex"))).isTrue();
		assertThat(this.manager.check("carol", "report:read", Resource.of("report", 1).withTenant("acme"))).isTrue();
		assertThat(this.manager.check("carol", "report:read")).isFalse();
	}

	@Test
	void roleGrantAllowsTheRolesPermissionsTransitively() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "organizer").on("event", 7));

		assertThat(this.manager.check("bob", "event:delete", Resource.of("event", 7))).isTrue();
		assertThat(this.manager.check("bob", "event:read", Resource.of("event", 7))).isTrue();
		assertThat(this.manager.check("bob", "session:update:title", Resource.of("event", 7))).isTrue();
		assertThat(this.manager.check("bob", "event:create", Resource.of("event", 7))).isFalse();
		assertThat(this.manager.check("bob", "event:read", Resource.of("event", 8))).isFalse();
	}

	@Test
	void namesPermissionsTypesAndIdsAreCaseAndSpaceSensitive() {
		this.grants.grant(Grant.of(Grantee.user("Admin"), "event:read").on("Event", "A"));

		assertThat(this.manager.check("Admin", "event:read", Resource.of("Event", "A"))).isTrue();
		assertThat(this.manager.check("admin", "event:read", Resource.of("Event", "A"))).isFalse();
		assertThat(this.manager.check("Admin ", "event:read", Resource.of("Event", "A"))).isFalse();
		assertThat(this.manager.check("Admin", "Event:read", Resource.of("Event", "A"))).isFalse();
		assertThat(this.manager.check("Admin", "event:read", Resource.of("event", "A"))).isFalse();
		assertThat(this.manager.check("Admin", "event:read", Resource.of("Event", "a"))).isFalse();
		assertThat(this.manager.check("Admin", "event:read", Resource.of("Event", "A "))).isFalse();
		assertThat(this.grants.permissionsOf(Grantee.user("admin"))).isEmpty();
		assertThat(this.grants.permissionsOf(Grantee.user("Admin "))).isEmpty();
	}

	@Test
	void objectIdsContainingWildcardCharactersAreDataNotPatterns() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:read").on("event", "*"));
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:read").on("event", "1,2"));
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:read").on("event", "3:4"));

		assertThat(this.manager.check("bob", "event:read", Resource.of("event", "*"))).isTrue();
		assertThat(this.manager.check("bob", "event:read", Resource.of("event", "1,2"))).isTrue();
		assertThat(this.manager.check("bob", "event:read", Resource.of("event", "3:4"))).isTrue();
		assertThat(this.manager.check("bob", "event:read", Resource.of("event", 7))).isFalse();
		assertThat(this.manager.check("bob", "event:read", Resource.of("event", 1))).isFalse();
		assertThat(this.manager.check("bob", "event:read", Resource.of("event", 3))).isFalse();
		assertThat(this.manager.check("bob", "event:read", Resource.ofType("event"))).isFalse();
	}

	@Test
	void groupGrantAllowsMembersOfTheStoreGroupUntilRemoved() {
		this.grants.grant(Grant.of(Grantee.group("staff"), "event:read").on("event"));
		assertThat(this.manager.check("bob", "event:read", Resource.of("event", 7))).isFalse();

		this.grants.addMember("staff", "bob");
		assertThat(this.manager.check("bob", "event:read", Resource.of("event", 7))).isTrue();
		assertThat(this.manager.check("carol", "event:read", Resource.of("event", 7))).isFalse();

		this.grants.removeMember("staff", "bob");
		assertThat(this.manager.check("bob", "event:read", Resource.of("event", 7))).isFalse();
	}

	@Test
	void coldCheckReadsTheUsersStoreGroupsAndCarriedGroupsGrantsWithOneQuery() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:read").on("event", 1));
		this.grants.grant(Grant.of(Grantee.group("staff"), "event:update").on("event", 2));
		this.grants.grant(Grant.of(Grantee.group("auditors"), "report:read"));
		this.grants.grant(Grant.of(Grantee.group("strangers"), "event:delete"));
		this.grants.addMember("staff", "bob");
		Subject bob = Subject.of("bob").withGroups("auditors");
		this.dataSource.reset();

		assertThat(this.manager.check(bob, "event:read", Resource.of("event", 1))).isTrue();
		assertThat(this.dataSource.executed()).isEqualTo(1);
		assertThat(this.manager.check(bob, "event:update", Resource.of("event", 2))).isTrue();
		assertThat(this.manager.check(bob, "report:read", null)).isTrue();
		assertThat(this.manager.check(bob, "event:delete", Resource.of("event", 1))).isFalse();
		assertThat(this.dataSource.executed()).isEqualTo(1);
	}

	@Test
	void groupGrantAllowsSubjectsCarryingTheGroup() {
		this.grants.grant(Grant.of(Grantee.group("auditors"), "report:read"));

		assertThat(this.manager.check(Subject.of("carol").withGroups("auditors"), "report:read", null)).isTrue();
		assertThat(this.manager.check(Subject.of("carol"), "report:read", null)).isFalse();
		assertThat(this.manager.check(Subject.of("carol").withGroups("Auditors"), "report:read", null)).isFalse();
	}

	@Test
	void newGrantToAGroupIsVisibleAtOnceToCachedMembers() {
		this.grants.addMember("staff", "bob");
		Subject dave = Subject.of("dave").withGroups("staff");
		assertThat(this.manager.check("bob", "event:read")).isFalse();
		assertThat(this.manager.check(dave, "event:read", null)).isFalse();

		this.grants.grant(Grant.of(Grantee.group("staff"), "event:read"));

		assertThat(this.manager.check("bob", "event:read")).isTrue();
		assertThat(this.manager.check(dave, "event:read", null)).isTrue();
	}

	@Test
	void expiredGrantStopsMatchingWhileCached() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:read").until(START.plus(Duration.ofMinutes(5))));
		assertThat(this.manager.check("bob", "event:read")).isTrue();

		this.clock.advance(Duration.ofMinutes(5));

		assertThat(this.manager.check("bob", "event:read")).isFalse();
	}

	@Test
	void expiredGrantIsNotLoaded() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:read").until(START.minusSeconds(1)));

		assertThat(this.manager.check("bob", "event:read")).isFalse();
	}

	@Test
	void revokeIsVisibleImmediatelyThoughTheDecisionWasCached() {
		Grant grant = Grant.of(Grantee.user("bob"), "event:update").on("event", 7);
		this.grants.grant(grant);
		assertThat(this.manager.check("bob", "event:update", Resource.of("event", 7))).isTrue();
		this.dataSource.reset();
		assertThat(this.manager.check("bob", "event:update", Resource.of("event", 7))).isTrue();
		assertThat(this.dataSource.executed()).as("second check is answered from the cache").isZero();

		this.grants.revoke(grant);

		assertThat(this.manager.check("bob", "event:update", Resource.of("event", 7))).isFalse();
	}

	@Test
	void newGrantIsVisibleAtOnceAfterACachedDenial() {
		assertThat(this.manager.check("bob", "event:update", Resource.of("event", 7))).isFalse();

		this.grants.grant(Grant.of(Grantee.user("bob"), "event:update").on("event", 7));

		assertThat(this.manager.check("bob", "event:update", Resource.of("event", 7))).isTrue();
	}

	@Test
	void objectIdsListsTheObjectsOfObjectGrantsWithABoundedNumberOfQueries() {
		List<Grant> batch = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			batch.add(Grant.of(Grantee.user("bob"), "event:read").on("event", i));
		}
		batch.add(Grant.of(Grantee.user("bob"), "event:update").on("event", 5000));
		this.grants.grantAll(batch);
		this.dataSource.reset();

		Set<String> ids = this.manager.objectIds(Subject.of("bob"), "event:read", "event");

		assertThat(ids).hasSize(1000).contains("0", "999").doesNotContain("5000");
		assertThat(this.dataSource.executed()).isEqualTo(1);
		this.dataSource.reset();
		for (int i = 0; i < 1000; i++) {
			assertThat(this.manager.check("bob", "event:read", Resource.of("event", i))).isTrue();
		}
		assertThat(this.manager.objectIds(Subject.of("bob"), "event:read", "event")).hasSize(1000);
		assertThat(this.dataSource.executed()).isZero();
	}

	@Test
	void objectIdsListsOnlyNamedObjectsEvenWhenATypeWideGrantExists() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:read").on("event", 7));
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:read").on("event"));

		assertThat(this.manager.objectIds(Subject.of("bob"), "event:read", "event")).containsExactly("7");
		assertThat(this.manager.check(Subject.of("bob"), "event:read", Resource.ofType("event"))).isTrue();
	}

	@Test
	void objectIdsHonoursTenantsGroupsAndWildcards() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:*").on("event", 1));
		this.grants.grant(Grant.of(Grantee.group("staff"), "event:read").on("event", 2));
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:read").on("event", 3).inTenant("acme"));
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:update").on("event", 4));
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:read").on("session", 5));

		assertThat(this.manager.objectIds(Subject.of("bob").withGroups("staff"), "event:read", "event"))
			.containsExactlyInAnyOrder("1", "2");
		assertThat(this.manager.objectIds(Subject.of("bob"), "event:read", "event", "acme"))
			.containsExactlyInAnyOrder("1", "3");
	}

	@Test
	void aRoleNameAskedAsAPermissionMeansTheRoleInChecksAndQueriesAlike() {
		this.grants.grant(Grant.of(Grantee.user("alice"), "organizer").on("event", 1));
		this.grants.grant(Grant.of(Grantee.user("bob"), "coorganizer").on("event", 1));
		this.grants.grant(Grant.of(Grantee.user("root"), "*"));
		this.grants.grant(Grant.of(Grantee.user("carol"), "event:read").on("event", 1));

		assertThat(this.grants.users(GrantQuery.builder().permissions("coorganizer").build())).containsExactly("alice",
				"bob");
		assertThat(this.manager.check("alice", "coorganizer", Resource.of("event", 1))).isTrue();
		assertThat(this.manager.check("bob", "coorganizer", Resource.of("event", 1))).isTrue();
		assertThat(this.manager.check("alice", "coorganizer", Resource.of("event", 2))).isFalse();
		assertThat(this.manager.check("bob", "organizer", Resource.of("event", 1))).isFalse();
		assertThat(this.manager.check("root", "coorganizer", Resource.of("event", 1))).isFalse();
		assertThat(this.manager.check("carol", "coorganizer", Resource.of("event", 1))).isFalse();
		assertThat(this.manager.objectIds(Subject.of("alice"), "coorganizer", "event", null)).containsExactly("1");
		assertThat(this.manager.explain("alice", "coorganizer", Resource.of("event", 1)).reason())
			.isEqualTo("granted 'organizer' (role) to user 'alice' on event '1'");
	}

}
