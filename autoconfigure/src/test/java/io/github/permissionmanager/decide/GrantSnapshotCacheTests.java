package io.github.permissionmanager.decide;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.github.permissionmanager.Decision;
import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.PermissionRequest;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-subject cache on its own, with a loader the test controls: hits, TTL, size,
 * invalidation by user and by group, and a load racing a change.
 */
class GrantSnapshotCacheTests {

	private final AtomicReference<List<Grant>> stored = new AtomicReference<>(List.of());

	private final AtomicReference<Set<String>> storeGroups = new AtomicReference<>(Set.of());

	private final AtomicInteger loads = new AtomicInteger();

	private final AtomicLong nanos = new AtomicLong();

	private final SubjectGrantsLoader loader = (user, groups) -> {
		this.loads.incrementAndGet();
		return new SubjectGrants(this.storeGroups.get(), this.stored.get());
	};

	private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

	private GrantSnapshotCache cache(SubjectGrantsLoader loader, Duration ttl, long maximumSize) {
		return new GrantSnapshotCache(loader, new GrantImplication(Roles.none()), this.clock, ttl, maximumSize,
				this.nanos::get);
	}

	private static boolean allowed(GrantSnapshotCache cache, Subject subject, String permission) {
		Decision decision = new DefaultPermissionEvaluator(cache)
			.evaluate(new PermissionRequest(subject, permission, null, PermissionContext.empty()));
		return decision.allowed();
	}

	@Test
	void secondCheckOfASubjectIsAnsweredWithoutLoading() {
		this.stored.set(List.of(Grant.of(Grantee.user("bob"), "event:read")));
		GrantSnapshotCache cache = cache(this.loader, Duration.ofMinutes(10), 100);

		assertThat(allowed(cache, Subject.of("bob"), "event:read")).isTrue();
		assertThat(allowed(cache, Subject.of("bob"), "event:update")).isFalse();

		assertThat(this.loads).hasValue(1);
	}

	@Test
	void snapshotIsLoadedAgainAfterTheTtl() {
		GrantSnapshotCache cache = cache(this.loader, Duration.ofMinutes(10), 100);
		allowed(cache, Subject.of("bob"), "event:read");
		this.stored.set(List.of(Grant.of(Grantee.user("bob"), "event:read")));

		this.nanos.addAndGet(Duration.ofMinutes(9).toNanos());
		assertThat(allowed(cache, Subject.of("bob"), "event:read")).isFalse();
		this.nanos.addAndGet(Duration.ofMinutes(2).toNanos());
		assertThat(allowed(cache, Subject.of("bob"), "event:read")).isTrue();

		assertThat(this.loads).hasValue(2);
	}

	@Test
	void cacheKeepsAtMostTheMaximumNumberOfSubjects() {
		GrantSnapshotCache cache = cache(this.loader, Duration.ofMinutes(10), 2);

		for (int i = 0; i < 50; i++) {
			allowed(cache, Subject.of("user" + i), "event:read");
		}

		assertThat(cache.size()).isLessThanOrEqualTo(2);
	}

	@Test
	void busySubjectOutlivesIdleOnesAtTheMaximumSizeThoughFewReadsAreRecorded() {
		this.stored.set(List.of(Grant.of(Grantee.user("busy"), "event:read")));
		GrantSnapshotCache cache = cache(this.loader, Duration.ofMinutes(10), 20);
		for (int i = 0; i < 20; i++) {
			allowed(cache, Subject.of("idle" + i), "event:read");
			allowed(cache, Subject.of("idle" + i), "event:read");
		}
		allowed(cache, Subject.of("busy"), "event:read");
		// about one read in RECORDED_READS reaches the eviction policy
		for (int i = 0; i < 1_000 * GrantSnapshotCache.RECORDED_READS; i++) {
			allowed(cache, Subject.of("busy"), "event:read");
		}
		// subjects loaded twice each (dropped in between), so each was seen twice: more
		// than the busy subject would count if its reads were never recorded
		for (int i = 20; i < 120; i++) {
			allowed(cache, Subject.of("idle" + i), "event:read");
			cache.nativeCache().asMap().remove("idle" + i);
			allowed(cache, Subject.of("idle" + i), "event:read");
		}
		cache.nativeCache().cleanUp();
		int loads = this.loads.get();

		assertThat(allowed(cache, Subject.of("busy"), "event:read")).isTrue();
		assertThat(this.loads).as("the busy subject was still cached").hasValue(loads);
		assertThat(cache.size()).isLessThanOrEqualTo(20);
	}

	@Test
	void evictedSubjectIsLoadedAgainWithTheCurrentGrants() {
		GrantSnapshotCache cache = cache(this.loader, Duration.ofMinutes(10), 2);
		assertThat(allowed(cache, Subject.of("bob"), "event:read")).isFalse();
		for (int i = 0; i < 50; i++) {
			allowed(cache, Subject.of("user" + i), "event:read");
		}
		cache.nativeCache().cleanUp();
		this.stored.set(List.of(Grant.of(Grantee.user("bob"), "event:read")));
		int loads = this.loads.get();

		assertThat(allowed(cache, Subject.of("bob"), "event:read")).isTrue();
		assertThat(this.loads).hasValue(loads + 1);
	}

	@Test
	void everyHitIsCountedWhenStatisticsAreRecorded() {
		GrantSnapshotCache cache = new GrantSnapshotCache(this.loader, new GrantImplication(Roles.none()), this.clock,
				Duration.ofMinutes(10), 100, true);
		for (int i = 0; i < 101; i++) {
			allowed(cache, Subject.of("bob"), "event:read");
		}

		assertThat(cache.nativeCache().stats().hitCount()).isEqualTo(100);
		assertThat(cache.nativeCache().stats().missCount()).isEqualTo(1);
	}

	@Test
	void disabledCacheLoadsForEveryCheck() {
		GrantSnapshotCache cache = cache(this.loader, null, 100);

		allowed(cache, Subject.of("bob"), "event:read");
		allowed(cache, Subject.of("bob"), "event:read");

		assertThat(this.loads).hasValue(2);
	}

	@Test
	void userChangeReloadsOnlyThatUser() {
		GrantSnapshotCache cache = cache(this.loader, Duration.ofMinutes(10), 100);
		allowed(cache, Subject.of("bob"), "event:read");
		allowed(cache, Subject.of("carol"), "event:read");

		cache.userChanged("bob");
		allowed(cache, Subject.of("bob"), "event:read");
		allowed(cache, Subject.of("carol"), "event:read");

		assertThat(this.loads).hasValue(3);
	}

	@Test
	void groupChangeReloadsSubjectsInTheGroupWhetherFromTheStoreOrCarried() {
		GrantSnapshotCache cache = cache(this.loader, Duration.ofMinutes(10), 100);
		this.storeGroups.set(Set.of("staff"));
		allowed(cache, Subject.of("bob"), "event:read");
		this.storeGroups.set(Set.of());
		allowed(cache, Subject.of("carol").withGroups("staff"), "event:read");
		allowed(cache, Subject.of("dave"), "event:read");
		this.stored.set(List.of(Grant.of(Grantee.group("staff"), "event:read")));
		this.storeGroups.set(Set.of("staff"));

		cache.groupChanged("staff");

		assertThat(allowed(cache, Subject.of("bob"), "event:read")).isTrue();
		assertThat(allowed(cache, Subject.of("carol").withGroups("staff"), "event:read")).isTrue();
		this.storeGroups.set(Set.of());
		assertThat(allowed(cache, Subject.of("dave"), "event:read")).isFalse();
		assertThat(this.loads).hasValue(5);
	}

	@Test
	void loadThatRacedAChangeIsNotUsedByChecksAfterTheChange() throws Exception {
		this.stored.set(List.of(Grant.of(Grantee.user("bob"), "event:read")));
		CountDownLatch loading = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		List<Boolean> firstLoad = new CopyOnWriteArrayList<>();
		SubjectGrantsLoader slow = (user, groups) -> {
			SubjectGrants before = this.loader.load(user, groups);
			if (firstLoad.isEmpty()) {
				firstLoad.add(true);
				loading.countDown();
				await(release);
			}
			return before;
		};
		GrantSnapshotCache cache = cache(slow, Duration.ofMinutes(10), 100);
		CompletableFuture<Boolean> racing = CompletableFuture
			.supplyAsync(() -> allowed(cache, Subject.of("bob"), "event:read"));
		assertThat(loading.await(10, TimeUnit.SECONDS)).isTrue();

		// The revoke commits while the racing check is still loading the old grants
		this.stored.set(List.of());
		cache.userChanged("bob");
		release.countDown();

		// The racing check notices its load is older than the change and loads again
		assertThat(racing.get(10, TimeUnit.SECONDS)).as("the check that began before the revoke").isFalse();
		assertThat(allowed(cache, Subject.of("bob"), "event:read")).as("a check after the revoke").isFalse();
		assertThat(this.loads).hasValue(2);
	}

	@Test
	void expiringGrantEndsTheSnapshot() {
		AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
		Clock moving = new Clock() {
			@Override
			public ZoneOffset getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(java.time.ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				return now.get();
			}
		};
		this.stored.set(List.of(Grant.of(Grantee.user("bob"), "event:read").until(now.get().plusSeconds(30)),
				Grant.of(Grantee.user("bob"), "event:list")));
		GrantSnapshotCache cache = new GrantSnapshotCache(this.loader, new GrantImplication(Roles.none()), moving,
				Duration.ofMinutes(10), 100, this.nanos::get);
		assertThat(allowed(cache, Subject.of("bob"), "event:read")).isTrue();

		now.set(now.get().plusSeconds(30));

		assertThat(allowed(cache, Subject.of("bob"), "event:read")).isFalse();
		assertThat(allowed(cache, Subject.of("bob"), "event:list")).isTrue();
		assertThat(this.loads).hasValue(2);
	}

	@Test
	void permittedObjectsNameThePermissionsAndGroupsThatFindThemAgainInTheGrantTable() {
		this.storeGroups.set(Set.of("ops"));
		this.stored.set(List.of(Grant.of(Grantee.user("bob"), "event:read").on("event", 1),
				Grant.of(Grantee.group("ops"), "event:*").on("event", 2),
				Grant.of(Grantee.user("bob"), "event:update").on("event", 3),
				Grant.of(Grantee.user("bob"), "event:read,list").on("event", 4).inTenant("acme"),
				Grant.of(Grantee.user("bob"), "event:read").on("event").inTenant("globex")));
		GrantSnapshotCache cache = cache(this.loader, Duration.ofMinutes(10), 100);
		Subject bob = Subject.of("bob").withGroups("staff");

		PermittedObjects none = cache.permitted(bob, "event:read", "event", null);
		assertThat(none.all()).isFalse();
		assertThat(none.ids()).containsExactlyInAnyOrder("1", "2");
		assertThat(none.permissions()).containsExactlyInAnyOrder("event:read", "event:*");
		assertThat(none.groups()).containsExactlyInAnyOrder("staff", "ops");
		assertThat(cache.permitted(bob, "event:read", "event", "acme").permissions()).contains("event:read,list");
		assertThat(cache.permitted(bob, "event:read", "event", "globex").all()).isTrue();
		assertThat(cache.permitted(bob, "task:read", "event", null)).isEqualTo(PermittedObjects.none());

		PermittedObjectsByTenant byTenant = cache.permittedByTenant(bob, "event:read", "event");
		assertThat(byTenant.everyTenant().ids()).containsExactlyInAnyOrder("1", "2");
		assertThat(byTenant.tenants()).containsOnlyKeys("acme", "globex");
		assertThat(byTenant.tenants().get("acme").ids()).containsExactly("4");
		assertThat(byTenant.tenants().get("globex").all()).isTrue();
		assertThat(this.loads).hasValue(1);
	}

	@Test
	void objectIdsComeFromTheSnapshot() {
		this.stored.set(List.of(Grant.of(Grantee.user("bob"), "event:read").on("event", 1),
				Grant.of(Grantee.user("bob"), "event:read").on("event", 2),
				Grant.of(Grantee.user("bob"), "event:update").on("event", 3)));
		GrantSnapshotCache cache = cache(this.loader, Duration.ofMinutes(10), 100);

		assertThat(cache.objectIds(Subject.of("bob"), "event:read", "event", null)).containsExactlyInAnyOrder("1", "2");
		assertThat(new DefaultPermissionEvaluator(cache)
			.evaluate(new PermissionRequest(Subject.of("bob"), "event:read", Resource.of("event", 2),
					PermissionContext.empty()))
			.allowed()).isTrue();
		assertThat(this.loads).hasValue(1);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
