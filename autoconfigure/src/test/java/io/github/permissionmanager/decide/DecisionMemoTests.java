package io.github.permissionmanager.decide;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.PermissionDecisionPublisher;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.store.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The memo of recent checks' answers in front of the snapshots: a repeated check is
 * answered from it, and only while the snapshot the answer came from is one the cache
 * would still use; answers that depend on more than the snapshot and the check are never
 * kept.
 */
class DecisionMemoTests {

	private static final Resource EVENT_1 = Resource.of("event", 1);

	private final AtomicReference<List<Grant>> stored = new AtomicReference<>(List.of());

	private final AtomicReference<Set<String>> storeGroups = new AtomicReference<>(Set.of());

	private final AtomicInteger loads = new AtomicInteger();

	private final AtomicBoolean storeDown = new AtomicBoolean();

	private final AtomicLong nanos = new AtomicLong();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final SubjectGrantsLoader loader = (user, groups) -> {
		this.loads.incrementAndGet();
		if (this.storeDown.get()) {
			throw new IllegalStateException("store down");
		}
		return new SubjectGrants(this.storeGroups.get(), this.stored.get());
	};

	private final GrantSnapshotCache cache = new GrantSnapshotCache(this.loader, new GrantImplication(Roles.none()),
			this.clock, Duration.ofMinutes(10), 100, this.nanos::get);

	private final DefaultPermissionEvaluator evaluator = new DefaultPermissionEvaluator(this.cache);

	private final DecisionService decisions = new DecisionService(this.evaluator, PermissionDecisionPublisher.none(),
			Clock.systemUTC());

	private boolean check(Subject subject, String permission, Resource resource) {
		return this.decisions.allowsOrDenies(subject, permission, resource);
	}

	private boolean bobReads() {
		return check(Subject.of("bob"), "event:read", EVENT_1);
	}

	private DecisionMemo.Entry memoized(Subject subject, String permission, Resource resource) {
		return this.cache.memoized(subject, permission, resource);
	}

	@Test
	void repeatedCheckIsAnsweredFromTheMemoAllowedOrDenied() {
		this.stored.set(List.of(Grant.of(Grantee.user("bob"), "event:read").on("event", 1)));
		assertThat(memoized(Subject.of("bob"), "event:read", EVENT_1)).isNull();

		assertThat(bobReads()).isTrue();
		assertThat(check(Subject.of("bob"), "event:update", EVENT_1)).isFalse();

		// asked with other objects equal to the first ones: found by equality
		DecisionMemo.Entry allowed = memoized(Subject.of(new String("bob")), new String("event:read"),
				Resource.of(new String("event"), "1"));
		assertThat(allowed).isNotNull();
		assertThat(allowed.allow()).isNotNull();
		DecisionMemo.Entry denied = memoized(Subject.of("bob"), "event:update", EVENT_1);
		assertThat(denied).isNotNull();
		assertThat(denied.allow()).isNull();
		assertThat(bobReads()).isTrue();
		assertThat(this.loads).hasValue(1);
	}

	@Test
	void revokeOnThisInstanceDeniesTheNextCheck() {
		this.stored.set(List.of(Grant.of(Grantee.user("bob"), "event:read").on("event", 1)));
		assertThat(bobReads()).isTrue();
		assertThat(memoized(Subject.of("bob"), "event:read", EVENT_1)).isNotNull();

		this.stored.set(List.of());
		this.cache.userChanged("bob");

		assertThat(bobReads()).isFalse();
	}

	@Test
	void entryFoundBeforeARevokeAndCheckedAfterItDoesNotAnswer() {
		// a check that found the entry just before the revoke dropped it from the memo
		assertEntryFoundBeforeDoesNotAnswerAfter(() -> {
			this.stored.set(List.of());
			this.cache.userChanged("bob");
		});
		assertThat(bobReads()).isFalse();
	}

	@Test
	void entryFoundBeforeInvalidateAllAndCheckedAfterItDoesNotAnswer() {
		assertEntryFoundBeforeDoesNotAnswerAfter(this.cache::invalidateAll);
	}

	private void assertEntryFoundBeforeDoesNotAnswerAfter(Runnable change) {
		this.stored.set(List.of(Grant.of(Grantee.user("bob"), "event:read").on("event", 1)));
		assertThat(bobReads()).isTrue();
		// a hit: the entry is found current and remembers it
		DecisionMemo.Entry entry = memoized(Subject.of("bob"), "event:read", EVENT_1);
		assertThat(entry).isNotNull();
		assertThat(this.cache.answers(entry, Subject.of("bob"))).isTrue();

		change.run();

		assertThat(this.cache.answers(entry, Subject.of("bob"))).isFalse();
	}

	@Test
	void grantOnThisInstanceAllowsTheNextCheckThoughADenialWasKept() {
		assertThat(bobReads()).isFalse();
		assertThat(memoized(Subject.of("bob"), "event:read", EVENT_1)).isNotNull();

		this.stored.set(List.of(Grant.of(Grantee.user("bob"), "event:read").on("event", 1)));
		this.cache.userChanged("bob");

		assertThat(bobReads()).isTrue();
	}

	@Test
	void groupChangeEndsTheAnswersOfItsMembersWhetherTheGroupIsCarriedOrStored() {
		this.stored.set(List.of(Grant.of(Grantee.group("staff"), "event:read").on("event", 1)));
		Subject carol = Subject.of("carol").withGroups("staff");
		assertThat(check(carol, "event:read", EVENT_1)).isTrue();
		this.storeGroups.set(Set.of("staff"));
		assertThat(check(Subject.of("dave"), "event:read", EVENT_1)).isTrue();

		this.stored.set(List.of());
		this.cache.groupChanged("staff");

		assertThat(check(carol, "event:read", EVENT_1)).isFalse();
		assertThat(check(Subject.of("dave"), "event:read", EVENT_1)).isFalse();
	}

	@Test
	void membershipChangeOfAUserEndsItsAnswers() {
		this.stored.set(List.of(Grant.of(Grantee.group("staff"), "event:read").on("event", 1)));
		this.storeGroups.set(Set.of("staff"));
		assertThat(bobReads()).isTrue();

		this.storeGroups.set(Set.of());
		this.cache.userChanged("bob");

		assertThat(bobReads()).isFalse();
	}

	@Test
	void invalidateAllEndsEveryAnswer() {
		this.stored.set(List.of(Grant.of(Grantee.user("bob"), "event:read").on("event", 1)));
		assertThat(bobReads()).isTrue();

		this.stored.set(List.of());
		this.cache.invalidateAll();

		assertThat(bobReads()).isFalse();
	}

	@Test
	void expiryOfAGrantEndsTheAnswersOfItsSnapshot() {
		this.stored.set(List.of(
				Grant.of(Grantee.user("bob"), "event:read").on("event", 1).until(this.clock.instant().plusSeconds(30)),
				Grant.of(Grantee.user("bob"), "event:list").on("event", 1)));
		assertThat(bobReads()).isTrue();
		assertThat(check(Subject.of("bob"), "event:list", EVENT_1)).isTrue();

		this.clock.advance(Duration.ofSeconds(29));
		assertThat(memoized(Subject.of("bob"), "event:read", EVENT_1)).isNotNull();
		this.clock.advance(Duration.ofSeconds(1));

		// no change was reported: only the expiry rule can end the kept allow
		assertThat(memoized(Subject.of("bob"), "event:read", EVENT_1)).isNull();
		assertThat(bobReads()).isFalse();
		assertThat(check(Subject.of("bob"), "event:list", EVENT_1)).isTrue();
		assertThat(this.loads).hasValue(2);
	}

	@Test
	void ttlEndsTheAnswersOfItsSnapshot() {
		assertThat(bobReads()).isFalse();
		// a grant written behind the library's back: seen only at the TTL
		this.stored.set(List.of(Grant.of(Grantee.user("bob"), "event:read").on("event", 1)));

		this.nanos.addAndGet(Duration.ofMinutes(9).toNanos());
		assertThat(bobReads()).isFalse();
		this.nanos.addAndGet(Duration.ofMinutes(1).toNanos());

		assertThat(memoized(Subject.of("bob"), "event:read", EVENT_1)).isNull();
		assertThat(bobReads()).isTrue();
		assertThat(this.loads).hasValue(2);
	}

	@Test
	void lostTrustSendsTheCheckToTheStoreWhichFailsClosed() {
		this.stored.set(List.of(Grant.of(Grantee.user("bob"), "event:read").on("event", 1)));
		assertThat(bobReads()).isTrue();
		int loads = this.loads.get();

		// the follower last confirmed the log a while ago and has not since
		this.cache.trust().trustUntil(System.nanoTime() - 1);
		this.storeDown.set(true);

		assertThat(memoized(Subject.of("bob"), "event:read", EVENT_1)).isNull();
		assertThat(bobReads()).isFalse();
		assertThat(this.loads).hasValue(loads + 1);

		// once the follower has read the log again, the kept answer stands again
		this.cache.trust().trustUntil(System.nanoTime() + Duration.ofMinutes(1).toNanos());
		assertThat(bobReads()).isTrue();
		assertThat(this.loads).hasValue(loads + 1);
	}

	@Test
	void checksReadingThroughNeverUseTheMemo() {
		this.stored.set(List.of(Grant.of(Grantee.user("bob"), "event:read").on("event", 1)));
		assertThat(bobReads()).isTrue();
		this.storeDown.set(true);

		assertThat(this.cache.trust().readingThrough(this::bobReads)).isFalse();
	}

	@Test
	void answerKeptFromASnapshotThatAChangeMadeStaleIsNeverUsed() {
		this.stored.set(List.of(Grant.of(Grantee.user("bob"), "event:read").on("event", 1)));
		Subject bob = Subject.of("bob");
		GrantSnapshot before = this.cache.get(bob);
		GrantImplication.Requested read = this.cache.implication().requested("event:read");
		GrantAllow allow = before.allowing(read, EVENT_1);
		assertThat(allow).isNotNull();

		// the revoke lands between a check's snapshot read and its memo write: the
		// change drops nothing the check then writes
		this.stored.set(List.of());
		this.cache.userChanged("bob");
		this.cache.memoize(bob, "event:read", EVENT_1, before, allow, null);

		assertThat(memoized(bob, "event:read", EVENT_1)).isNull();
		assertThat(bobReads()).isFalse();
	}

	@Test
	void sameUserWithOtherGroupsGetsItsOwnAnswer() {
		this.stored.set(List.of(Grant.of(Grantee.group("staff"), "event:read").on("event", 1)));
		Subject staff = Subject.of("bob").withGroups("staff");
		Subject other = Subject.of("bob").withGroups("guests");

		assertThat(check(staff, "event:read", EVENT_1)).isTrue();
		assertThat(bobReads()).isFalse();
		assertThat(check(other, "event:read", EVENT_1)).isFalse();
		assertThat(check(staff, "event:read", EVENT_1)).isTrue();
		assertThat(bobReads()).isFalse();
	}

	@Test
	void sameIdInAnotherTenantOrTypeGetsItsOwnAnswer() {
		this.stored.set(List.of(Grant.of(Grantee.user("bob"), "event:read").on("event", 1).inTenant("acme")));
		Resource acme = Resource.of("event", 1).withTenant("acme");
		Resource globex = Resource.of("event", 1).withTenant("globex");
		Resource venue = Resource.of("venue", 1).withTenant("acme");

		for (int i = 0; i < 2; i++) {
			assertThat(check(Subject.of("bob"), "event:read", acme)).isTrue();
			assertThat(check(Subject.of("bob"), "event:read", globex)).isFalse();
			assertThat(check(Subject.of("bob"), "event:read", EVENT_1)).isFalse();
			assertThat(check(Subject.of("bob"), "event:read", venue)).isFalse();
			assertThat(check(Subject.of("bob"), "event:read", Resource.of("event", 2).withTenant("acme"))).isFalse();
		}
	}

	@Test
	void conditionalGrantsAreAskedOnEveryCheckWithItsOwnAttributes() {
		this.stored.set(List.of(Grant.of(Grantee.user("bob"), "event:read").on("event").when("resource.open == true"),
				Grant.of(Grantee.user("bob"), "event:list").on("event")));
		Resource open = Resource.of("event", 1).withAttribute("open", true);
		Resource closed = Resource.of("event", 1).withAttribute("open", false);

		// the same key (attributes are not part of it), answered anew from the condition
		for (int i = 0; i < 3; i++) {
			assertThat(check(Subject.of("bob"), "event:read", open)).isTrue();
			assertThat(check(Subject.of("bob"), "event:read", closed)).isFalse();
		}
		assertThat(check(Subject.of("bob"), "event:list", closed)).isTrue();

		// what unconditional grants answer is kept: none for read, the allow for list
		DecisionMemo.Entry read = memoized(Subject.of("bob"), "event:read", closed);
		assertThat(read).isNotNull();
		assertThat(read.allow()).isNull();
		assertThat(memoized(Subject.of("bob"), "event:list", open).allow()).isNotNull();
		assertThat(this.loads).hasValue(1);
	}

	@Test
	void conditionThatFailsOnAMemoHitDenies() {
		this.stored.set(List.of(Grant.of(Grantee.user("bob"), "event:read").on("event").when("resource.open == true")));
		DefaultPermissionEvaluator failing = new DefaultPermissionEvaluator(this.cache, null, (resource) -> {
			if (resource.attributes().containsKey("broken")) {
				throw new IllegalStateException("attributes unavailable");
			}
			return Map.of();
		});
		DecisionService decisions = new DecisionService(failing, PermissionDecisionPublisher.none(), Clock.systemUTC());
		Resource open = Resource.of("event", 1).withAttribute("open", true);

		assertThat(decisions.allowsOrDenies(Subject.of("bob"), "event:read", open)).isTrue();
		assertThat(memoized(Subject.of("bob"), "event:read", open)).isNotNull();
		assertThat(decisions.allowsOrDenies(Subject.of("bob"), "event:read", open.withAttribute("broken", true)))
			.isFalse();
	}

	@Test
	void conditionalGrantsKeptWithACheckAreTheOnesCoveringItsScopeAndPermission() {
		this.stored
			.set(List.of(Grant.of(Grantee.user("bob"), "event:read").on("event", 1).when("resource.open == true"),
					Grant.of(Grantee.user("bob"), "event:update")
						.on("event")
						.inTenant("acme")
						.when("resource.open == true"),
					Grant.of(Grantee.user("bob"), "event:read").on("venue").when("resource.open == true")));
		Resource event1 = Resource.of("event", 1).withAttribute("open", true);
		Resource event2 = Resource.of("event", 2).withAttribute("open", true);
		Resource acme = event1.withTenant("acme");
		Subject bob = Subject.of("bob");

		// the second round is answered from the memo: the same answers
		for (int i = 0; i < 2; i++) {
			assertThat(check(bob, "event:read", event1)).isTrue();
			assertThat(check(bob, "event:read", event2)).isFalse();
			assertThat(check(bob, "event:update", event1)).isFalse();
			assertThat(check(bob, "event:update", acme)).isTrue();
			assertThat(check(bob, "event:delete", acme)).isFalse();
			assertThat(check(bob, "venue:read", Resource.of("venue", 1).withAttribute("open", true))).isFalse();
		}
		assertThat(memoized(bob, "event:read", event1).conditional().size()).isOne();
		assertThat(memoized(bob, "event:update", acme).conditional().size()).isOne();
		assertThat(memoized(bob, "event:read", event2).conditional()).isNull();
		assertThat(memoized(bob, "event:update", event1).conditional()).isNull();
		assertThat(memoized(bob, "event:delete", acme).conditional()).isNull();
		assertThat(this.loads).hasValue(1);
	}

	@Test
	void everyCoveringConditionalGrantIsAskedInOrderOnAMemoHit() {
		this.stored.set(List.of(Grant.of(Grantee.user("bob"), "event:read").on("event").when("resource.open == true"),
				Grant.of(Grantee.user("bob"), "event:read").on("event", 1).when("resource.status == 'draft'"),
				Grant.of(Grantee.user("bob"), "event:list").on("event", 1)));
		Resource closedDraft = Resource.of("event", 1).withAttribute("open", false).withAttribute("status", "draft");
		Resource closedFinal = closedDraft.withAttribute("status", "final");
		Resource open = Resource.of("event", 1).withAttribute("open", true);

		for (int i = 0; i < 3; i++) {
			assertThat(check(Subject.of("bob"), "event:read", closedDraft)).isTrue();
			assertThat(check(Subject.of("bob"), "event:read", closedFinal)).isFalse();
			// the first grant holds; the second's condition fails (no status): still an
			// allow
			assertThat(check(Subject.of("bob"), "event:read", open)).isTrue();
			assertThat(check(Subject.of("bob"), "event:read", Resource.of("event", 2).withAttribute("status", "draft")))
				.isFalse();
		}
		assertThat(memoized(Subject.of("bob"), "event:read", open).conditional().size()).isEqualTo(2);
		// an allow of unconditional grants keeps no conditional one: it is never asked
		assertThat(check(Subject.of("bob"), "event:list", open)).isTrue();
		assertThat(memoized(Subject.of("bob"), "event:list", open).conditional()).isNull();
	}

	@Test
	void revokeOrExpiryOfAConditionalGrantEndsItsAllowOnTheNextCheck() {
		Grant expiring = Grant.of(Grantee.user("bob"), "event:read")
			.on("event", 1)
			.when("resource.open == true")
			.until(this.clock.instant().plusSeconds(30));
		Grant revoked = Grant.of(Grantee.user("bob"), "event:update").on("event", 1).when("resource.open == true");
		this.stored.set(List.of(expiring, revoked));
		Resource open = Resource.of("event", 1).withAttribute("open", true);
		assertThat(check(Subject.of("bob"), "event:read", open)).isTrue();
		assertThat(check(Subject.of("bob"), "event:update", open)).isTrue();

		this.clock.advance(Duration.ofSeconds(29));
		assertThat(check(Subject.of("bob"), "event:read", open)).isTrue();
		this.clock.advance(Duration.ofSeconds(1));
		// no change was reported: only the expiry rule ends the kept grant
		assertThat(check(Subject.of("bob"), "event:read", open)).isFalse();
		assertThat(check(Subject.of("bob"), "event:update", open)).isTrue();

		this.stored.set(List.of(expiring));
		this.cache.userChanged("bob");
		assertThat(check(Subject.of("bob"), "event:update", open)).isFalse();
		assertThat(check(Subject.of("bob"), "event:update", open)).isFalse();
	}

	@Test
	void answersAreNeverKeptWhenPermissionsComeFromAJwtClaim() {
		TokenSubjects tokens = new TokenSubjects();
		DefaultPermissionEvaluator claiming = new DefaultPermissionEvaluator(this.cache, null, null,
				new ClaimGrants("permissions", "", this.cache.implication(), tokens));
		DecisionService decisions = new DecisionService(claiming, PermissionDecisionPublisher.none(),
				Clock.systemUTC());
		Subject withClaim = Subject.of("bob").withAttribute("permissions", List.of("event:read"));
		tokens.verified(withClaim);
		Subject withoutClaim = Subject.of("bob");

		assertThat(decisions.allowsOrDenies(withClaim, "event:read", EVENT_1)).isTrue();
		assertThat(decisions.allowsOrDenies(withoutClaim, "event:read", EVENT_1)).isFalse();
		assertThat(decisions.allowsOrDenies(withClaim, "event:read", EVENT_1)).isTrue();

		assertThat(memoized(withClaim, "event:read", EVENT_1)).isNull();
		assertThat(memoized(withoutClaim, "event:read", EVENT_1)).isNull();
	}

	@Test
	void noMemoWhenItsSizeIsZeroOrNothingIsCached() {
		this.stored.set(List.of(Grant.of(Grantee.user("bob"), "event:read").on("event", 1)));
		GrantSnapshotCache noMemo = new GrantSnapshotCache(this.loader, new GrantImplication(Roles.none()), this.clock,
				Duration.ofMinutes(10), 100, false, 0);
		GrantSnapshotCache uncached = new GrantSnapshotCache(this.loader, new GrantImplication(Roles.none()),
				this.clock, null, 100, false, 64);
		for (GrantSnapshotCache cache : List.of(noMemo, uncached)) {
			DefaultPermissionEvaluator evaluator = new DefaultPermissionEvaluator(cache);
			assertThat(evaluator.allowing(Subject.of("bob"), "event:read", EVENT_1, PermissionContext.empty()))
				.isNotNull();
			assertThat(cache.memoized(Subject.of("bob"), "event:read", EVENT_1)).isNull();
		}
	}

	@Test
	void everyMemoHitIsCountedWhenStatisticsAreRecorded() {
		GrantSnapshotCache counted = new GrantSnapshotCache(this.loader, new GrantImplication(Roles.none()), this.clock,
				Duration.ofMinutes(10), 100, true, 64);
		DefaultPermissionEvaluator evaluator = new DefaultPermissionEvaluator(counted);
		for (int i = 0; i < 101; i++) {
			evaluator.allowing(Subject.of("bob"), "event:read", EVENT_1, PermissionContext.empty());
		}

		assertThat(counted.memoized(Subject.of("bob"), "event:read", EVENT_1)).isNotNull();
		// the 100 memo hits of the loop, and the one just above
		assertThat(counted.nativeCache().stats().hitCount()).isEqualTo(101);
		assertThat(counted.nativeCache().stats().missCount()).isEqualTo(1);
	}

	@Test
	void aCollidingCheckOverwritesAnEntryWithoutMixingTwo() {
		DecisionMemo memo = new DecisionMemo(4);
		GrantSnapshot snapshot = this.cache.get(Subject.of("bob"));
		for (int i = 0; i < 50; i++) {
			memo.put(Subject.of("user" + i), "event:read", Resource.of("event", i), snapshot, null, null);
		}
		int found = 0;
		for (int i = 0; i < 50; i++) {
			DecisionMemo.Entry entry = memo.find(Subject.of("user" + i), "event:read", Resource.of("event", i));
			if (entry != null) {
				found++;
				assertThat(memo.find(Subject.of("user" + i), "event:read", Resource.of("event", i + 1)))
					.isNotSameAs(entry);
			}
		}
		assertThat(memo.capacity()).isEqualTo(4);
		assertThat(found).isBetween(1, 4);
	}

	@Test
	void noCheckStartedAfterARevokeReturnedAllows() throws Exception {
		// grants started, and revokes that have returned: equal while the last revoke has
		// returned and no grant has started since
		AtomicLong grantsStarted = new AtomicLong();
		AtomicLong revokesReturned = new AtomicLong();
		AtomicBoolean stop = new AtomicBoolean();
		AtomicInteger wrong = new AtomicInteger();
		AtomicInteger deniedAfterRevoke = new AtomicInteger();
		ExecutorService threads = Executors.newFixedThreadPool(3);
		try {
			List<Future<?>> checkers = new ArrayList<>();
			for (int t = 0; t < 3; t++) {
				checkers.add(threads.submit(() -> {
					while (!stop.get()) {
						long grants = grantsStarted.get();
						boolean afterRevoke = revokesReturned.get() == grants;
						boolean allowed = bobReads();
						if (afterRevoke && grantsStarted.get() == grants) {
							if (allowed) {
								wrong.incrementAndGet();
							}
							else {
								deniedAfterRevoke.incrementAndGet();
							}
						}
					}
				}));
			}
			for (int round = 0; round < 300; round++) {
				grantsStarted.incrementAndGet();
				this.stored.set(List.of(Grant.of(Grantee.user("bob"), "event:read").on("event", 1)));
				this.cache.userChanged("bob");
				Thread.yield();
				this.stored.set(List.of());
				this.cache.userChanged("bob");
				revokesReturned.incrementAndGet();
				Thread.yield();
			}
			stop.set(true);
			for (Future<?> checker : checkers) {
				checker.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(deniedAfterRevoke.get()).isPositive();
		assertThat(wrong).hasValue(0);
	}

}
