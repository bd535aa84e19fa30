package io.github.permissionmanager.decide;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.PermissionRequest;
import io.github.permissionmanager.Subject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The versions that decide whether a cached snapshot is still current: a change of its
 * user or of one of its groups after it was loaded makes it stale, other changes do not,
 * and dropping every stamp (on demand, or when too many names are stamped) makes every
 * snapshot loaded before stale.
 */
class ChangeStampsTests {

	private static final int MAX_STAMPS = 100_000;

	@Test
	void changeOfTheUserOrOfOneOfItsGroupsAfterTheLoadMakesASnapshotStale() {
		ChangeStamps stamps = new ChangeStamps();
		long loadedAt = stamps.current();

		stamps.userChanged("carol");
		stamps.groupChanged("guests");
		assertThat(stamps.unchangedSince(loadedAt, "bob", Set.of("staff"))).isTrue();

		stamps.groupChanged("staff");
		assertThat(stamps.unchangedSince(loadedAt, "bob", Set.of("staff"))).isFalse();
		assertThat(stamps.unchangedSince(loadedAt, "bob", Set.of())).isTrue();

		stamps.userChanged("bob");
		assertThat(stamps.unchangedSince(loadedAt, "bob", Set.of())).isFalse();
		assertThat(stamps.unchangedSince(stamps.current(), "bob", Set.of("staff"))).isTrue();
	}

	@Test
	void droppingEveryStampMakesEverySnapshotLoadedBeforeStale() {
		ChangeStamps stamps = new ChangeStamps();
		long loadedAt = stamps.current();

		stamps.dropAll();

		assertThat(stamps.unchangedSince(loadedAt, "bob", Set.of())).isFalse();
		assertThat(stamps.unchangedSince(stamps.current(), "bob", Set.of())).isTrue();
	}

	@Test
	void tooManyStampedNamesDropEveryStampAndSayWhen() {
		ChangeStamps stamps = new ChangeStamps();
		long loadedAt = stamps.current();
		for (int i = 0; i < MAX_STAMPS; i++) {
			assertThat(stamps.userChanged("user" + i)).isFalse();
		}
		assertThat(stamps.unchangedSince(loadedAt, "bob", Set.of())).isTrue();

		assertThat(stamps.groupChanged("one too many")).isTrue();

		assertThat(stamps.unchangedSince(loadedAt, "bob", Set.of())).isFalse();
		long afterTheDrop = stamps.current();
		assertThat(stamps.unchangedSince(afterTheDrop, "user1", Set.of())).isTrue();
	}

	@Test
	void cachedSnapshotIsLoadedAgainOnceTooManyOtherNamesWereStamped() {
		AtomicInteger loads = new AtomicInteger();
		AtomicReference<List<Grant>> stored = new AtomicReference<>(
				List.of(Grant.of(Grantee.user("bob"), "event:read")));
		GrantSnapshotCache cache = new GrantSnapshotCache((user, groups) -> {
			loads.incrementAndGet();
			return new SubjectGrants(Set.of(), stored.get());
		}, new GrantImplication(Roles.none()), Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
				Duration.ofMinutes(10), 100);
		assertThat(allowed(cache, "bob")).isTrue();
		assertThat(allowed(cache, "bob")).isTrue();
		assertThat(loads).hasValue(1);

		// a revoke written behind the cache's back, then more changes than it keeps
		// stamps
		// for: none of them names bob, yet bob's snapshot must not outlive the drop
		stored.set(List.of());
		for (int i = 0; i <= MAX_STAMPS; i++) {
			cache.userChanged("user" + i);
		}

		assertThat(allowed(cache, "bob")).isFalse();
		assertThat(loads).hasValue(2);
	}

	private static boolean allowed(GrantSnapshotCache cache, String user) {
		return new DefaultPermissionEvaluator(cache)
			.evaluate(new PermissionRequest(Subject.of(user), "event:read", null, PermissionContext.empty()))
			.allowed();
	}

}
