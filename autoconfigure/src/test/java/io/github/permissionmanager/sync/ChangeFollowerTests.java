package io.github.permissionmanager.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import io.github.permissionmanager.Consistency;
import io.github.permissionmanager.ConsistencyToken;
import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionFilter;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.SqlFilter;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.store.ChangeLog;
import io.github.permissionmanager.store.MutableClock;
import io.github.permissionmanager.store.PermissionStoreSchemaInitializer;
import io.github.permissionmanager.store.StoreTables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Two instances on one H2 database, each with its own cache, the second following the
 * change log by hand-driven polls: what a change on the first does to the second's
 * decisions, holes in the positions, tokens, and a follower that cannot read the log.
 */
class ChangeFollowerTests {

	private static final Resource NOTE = Resource.of("note", 1);

	private static final Grant BOB_READS = Grant.of(Grantee.user("bob"), "note:read").on("note", 1);

	private static final Grant CAROL_READS = Grant.of(Grantee.user("carol"), "note:read").on("note", 1);

	private static final Duration MAX_STALENESS = Duration.ofSeconds(10);

	private static final Duration SHORT_STALENESS = Duration.ofMillis(600);

	private static final Duration GAP_TIMEOUT = Duration.ofMillis(800);

	private HikariDataSource database;

	private StoreTables tables;

	private FollowedInstance a;

	private FollowedInstance b;

	@BeforeEach
	void startInstances() {
		this.database = new HikariDataSource();
		this.database.setJdbcUrl("jdbc:h2:mem:follow-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		this.database.setUsername("sa");
		this.tables = new StoreTables("pm_");
		PermissionStoreSchemaInitializer initializer = new PermissionStoreSchemaInitializer(this.database,
				DatabaseInitializationMode.ALWAYS, null, this.tables);
		initializer.setResourceLoader(new DefaultResourceLoader());
		initializer.initializeDatabase();
		this.a = instance(MAX_STALENESS);
		this.b = instance(MAX_STALENESS);
		this.a.follower().poll();
		this.b.follower().poll();
	}

	private FollowedInstance instance(Duration maxStaleness) {
		return FollowedInstance.on(this.database, this.tables, new SyncSettings(Duration.ofMillis(100), maxStaleness,
				GAP_TIMEOUT, Duration.ofHours(1), Duration.ofMinutes(1)));
	}

	@AfterEach
	void stopDatabase() {
		this.database.close();
	}

	private boolean bobReadsOn(FollowedInstance instance) {
		return instance.manager().check(Subject.of("bob"), "note:read", NOTE);
	}

	@Test
	void revokeOnOneInstanceIsDeniedOnTheOtherOnceItHasPolled() {
		this.a.grants().grant(BOB_READS);
		this.b.follower().poll();
		assertThat(bobReadsOn(this.b)).isTrue();
		this.a.grants().revoke(BOB_READS);
		assertThat(bobReadsOn(this.a)).isFalse();
		// b has not read the log yet: its cached allow stands, within max-staleness
		assertThat(bobReadsOn(this.b)).isTrue();
		this.b.follower().poll();
		assertThat(bobReadsOn(this.b)).isFalse();
		// and a grant is seen the same way
		assertThat(bobReadsOn(this.b)).isFalse();
		this.a.grants().grant(BOB_READS);
		this.b.follower().poll();
		assertThat(bobReadsOn(this.b)).isTrue();
	}

	@Test
	void groupGrantChangeDropsEverySnapshotThatIncludesTheGroup() {
		Grant editorsRead = Grant.of(Grantee.group("editors"), "note:read").on("note", 1);
		this.a.grants().grant(editorsRead);
		this.a.grants().addMember("editors", "bob");
		Subject carol = Subject.of("carol").withGroups("editors");
		this.b.follower().poll();
		assertThat(bobReadsOn(this.b)).isTrue();
		assertThat(this.b.manager().check(carol, "note:read", NOTE)).isTrue();
		this.a.grants().revoke(editorsRead);
		this.b.follower().poll();
		assertThat(bobReadsOn(this.b)).isFalse();
		assertThat(this.b.manager().check(carol, "note:read", NOTE)).isFalse();
	}

	@Test
	void membershipRemovedOnOneInstanceIsDeniedOnTheOtherOnceItHasPolled() {
		this.a.grants().grant(Grant.of(Grantee.group("editors"), "note:read").on("note", 1));
		this.a.grants().addMember("editors", "bob");
		this.b.follower().poll();
		assertThat(bobReadsOn(this.b)).isTrue();
		this.a.grants().removeMember("editors", "bob");
		this.b.follower().poll();
		assertThat(bobReadsOn(this.b)).isFalse();
	}

	@Test
	void changesCommittedOutOfOrderAreBothApplied() throws Exception {
		this.a.grants().grantAll(List.of(BOB_READS, CAROL_READS));
		this.b.follower().poll();
		assertThat(bobReadsOn(this.b)).isTrue();
		CountDownLatch written = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		// bob's revoke takes the lower position and commits last
		CompletableFuture<ConsistencyToken> slow = CompletableFuture
			.supplyAsync(() -> this.a.transactions().execute((status) -> {
				ConsistencyToken token = this.a.grants().revoke(BOB_READS);
				written.countDown();
				await(commit);
				return token;
			}));
		assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
		ConsistencyToken fast = this.a.grants().revoke(CAROL_READS);
		this.b.follower().poll();
		assertThat(this.b.manager().check(Subject.of("carol"), "note:read", NOTE)).isFalse();
		// bob's revoke is not committed: allowing him is still right, and b waits for the
		// hole
		assertThat(bobReadsOn(this.b)).isTrue();
		assertThat(this.b.cache().trust().followedTo()).isLessThan(fast.position());
		commit.countDown();
		ConsistencyToken slowToken = slow.get(10, TimeUnit.SECONDS);
		assertThat(slowToken.position()).isLessThan(fast.position());
		this.b.follower().poll();
		assertThat(bobReadsOn(this.b)).isFalse();
		assertThat(this.b.cache().trust().followedTo()).isGreaterThanOrEqualTo(fast.position());
	}

	@Test
	void holeOfARolledBackChangeIsGivenUpAfterTheGapTimeout() throws Exception {
		this.a.grants().grant(BOB_READS);
		try {
			this.a.transactions().executeWithoutResult((status) -> {
				this.a.grants().grant(CAROL_READS);
				status.setRollbackOnly();
			});
		}
		finally {
			this.a.grants().revoke(BOB_READS);
		}
		ConsistencyToken latest = this.a.grants().grant(Grant.of(Grantee.user("dave"), "note:read"));
		this.b.follower().poll();
		assertThat(this.b.cache().trust().followedTo()).isLessThan(latest.position());
		Thread.sleep(GAP_TIMEOUT.toMillis() + 100);
		this.b.follower().poll();
		assertThat(this.b.cache().trust().followedTo()).isEqualTo(latest.position());
	}

	@Test
	void checkWithTheTokenOfARevokeIsDeniedOnAnInstanceThatHasNotPolled() {
		this.a.grants().grant(BOB_READS);
		this.b.follower().poll();
		assertThat(bobReadsOn(this.b)).isTrue();
		ConsistencyToken revoked = this.a.grants().revoke(BOB_READS);
		assertThat(bobReadsOn(this.b)).isTrue();
		assertThat(this.b.manager().check(Subject.of("bob"), "note:read", NOTE, Consistency.atLeast(revoked)))
			.isFalse();
		assertThat(this.b.manager().check(Subject.of("bob"), "note:read", NOTE, Consistency.full())).isFalse();
		// a token that travelled as text works the same
		assertThat(this.b.manager()
			.check(Subject.of("bob"), "note:read", NOTE, Consistency.atLeast(ConsistencyToken.parse(revoked.value()))))
			.isFalse();
		this.b.follower().poll();
		assertThat(this.b.cache().trust().hasFollowed(revoked.position())).isTrue();
		assertThat(bobReadsOn(this.b)).isFalse();
	}

	@Test
	void objectIdsAndFiltersWithTheTokenOfARevokeLeaveTheObjectOutOnAnInstanceThatHasNotPolled() {
		Subject bob = Subject.of("bob");
		this.a.grants().grant(BOB_READS);
		this.a.grants().grant(Grant.of(Grantee.user("bob"), "note:read").on("note", 2));
		this.b.follower().poll();
		assertThat(this.b.manager().objectIds(bob, "note:read", "note")).containsExactlyInAnyOrder("1", "2");
		assertThat(filteredIds(this.b.filters().permitted(bob, "note:read"))).containsExactly(1L, 2L);
		ConsistencyToken revoked = this.a.grants().revoke(BOB_READS);
		// b has not read the log: without a requirement its cache answers, within
		// max-staleness
		assertThat(this.b.manager().objectIds(bob, "note:read", "note")).containsExactlyInAnyOrder("1", "2");
		assertThat(filteredIds(this.b.filters().permitted(bob, "note:read"))).containsExactly(1L, 2L);
		for (Consistency consistency : List.of(Consistency.atLeast(revoked), Consistency.full())) {
			assertThat(this.b.manager().objectIds(bob, "note:read", "note", null, consistency)).containsExactly("2");
			assertThat(filteredIds(this.b.filters().permitted(bob, "note:read", consistency))).containsExactly(2L);
			assertThat(filteredIds(this.b.filters().permitted(bob, "note:read", consistency).inTenant(null)))
				.containsExactly(2L);
		}
		// reading through put nothing stale or fresh into the cache: the cache still
		// answers as before until b polls
		assertThat(this.b.manager().objectIds(bob, "note:read", "note")).containsExactlyInAnyOrder("1", "2");
		this.b.follower().poll();
		assertThat(this.b.manager().objectIds(bob, "note:read", "note")).containsExactly("2");
		// once b has followed that far, a requirement is met from the cache
		assertThat(this.b.cache().trust().hasFollowed(revoked.position())).isTrue();
		assertThat(this.b.manager().objectIds(bob, "note:read", "note", null, Consistency.atLeast(revoked)))
			.containsExactly("2");
	}

	// The ids a filter lists: a list parameter, or on H2 one array parameter
	private static List<Long> filteredIds(PermissionFilter filter) {
		SqlFilter sql = filter.sql("note", "id", Long.class);
		return sql.parameters()
			.values()
			.stream()
			.flatMap((ids) -> (ids instanceof SqlArrayValue array)
					? Arrays.stream((Object[]) ReflectionTestUtils.getField(array, "elements"))
					: ((List<?>) ids).stream())
			.map(Long.class::cast)
			.sorted()
			.toList();
	}

	@Test
	void everyChangeReturnsALaterTokenAndANoOpTheLatestOne() {
		ConsistencyToken first = this.a.grants().grant(BOB_READS);
		ConsistencyToken again = this.a.grants().grant(BOB_READS);
		ConsistencyToken member = this.a.grants().addMember("editors", "bob");
		ConsistencyToken revoked = this.a.grants().revoke(BOB_READS);
		ConsistencyToken nothing = this.a.grants().revoke(BOB_READS);
		assertThat(first.position()).isPositive();
		assertThat(again).isEqualTo(first);
		assertThat(member).isGreaterThan(first);
		assertThat(revoked).isGreaterThan(member);
		assertThat(nothing).isEqualTo(revoked);
		JdbcClient jdbc = JdbcClient.create(this.database);
		assertThat(jdbc.sql("SELECT grantee_kind || ':' || grantee_name FROM pm_changes ORDER BY id")
			.query(String.class)
			.list()).containsExactly("USER:bob", "USER:bob", "USER:bob");
	}

	@Test
	void rolledBackChangeWritesNoChangeRow() {
		this.a.transactions().executeWithoutResult((status) -> {
			this.a.grants().grantAll(List.of(BOB_READS, Grant.of(Grantee.group("editors"), "note:read")));
			status.setRollbackOnly();
		});
		assertThat(
				JdbcClient.create(this.database).sql("SELECT COUNT(*) FROM pm_changes").query(Integer.class).single())
			.isZero();
	}

	@Test
	void followerThatCannotReadTheLogStopsTrustingTheCacheAfterMaxStaleness() throws Exception {
		this.b = instance(SHORT_STALENESS);
		this.b.follower().poll();
		this.a.grants().grant(BOB_READS);
		this.b.follower().poll();
		assertThat(bobReadsOn(this.b)).isTrue();
		this.b.dataSource().down();
		this.a.grants().revoke(BOB_READS);
		// the store is down for b: the follower cannot poll, and neither can a check load
		assertThat(catchPoll(this.b)).isNotNull();
		Thread.sleep(SHORT_STALENESS.toMillis() + 50);
		assertThat(this.b.cache().trust().isTrusted()).isFalse();
		assertThat(this.b.manager().explain(Subject.of("bob"), "note:read", NOTE).reason())
			.startsWith("evaluation failed");
		assertThat(bobReadsOn(this.b)).isFalse();
		// recovers by itself once the store answers
		this.b.dataSource().up();
		assertThat(bobReadsOn(this.b)).isFalse();
		this.b.follower().poll();
		assertThat(this.b.cache().trust().isTrusted()).isTrue();
		this.a.grants().grant(BOB_READS);
		this.b.follower().poll();
		assertThat(bobReadsOn(this.b)).isTrue();
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void followerThatCannotReadTheLogWarnsOnceAnOutageStartsAndSaysWhenItReadsAgain(CapturedOutput output)
			throws Exception {
		this.b.dataSource().down();
		this.b.follower().start();
		try {
			// a poll every 100 ms: about ten failed polls, one warning
			Thread.sleep(1200);
			assertThat(output.getOut().split("Could not read the permission change log", -1)).hasSize(2);
			this.b.dataSource().up();
			Thread.sleep(600);
			assertThat(output.getOut()).contains("Reading the permission change log again after");
		}
		finally {
			this.b.follower().stop();
		}
	}

	@Test
	void stuckFollowerMakesChecksReadTheStoreAfterMaxStaleness() throws Exception {
		this.b = instance(SHORT_STALENESS);
		this.b.follower().poll();
		this.a.grants().grant(BOB_READS);
		this.b.follower().poll();
		assertThat(bobReadsOn(this.b)).isTrue();
		this.a.grants().revoke(BOB_READS);
		// b's follower does not poll at all (stuck); within the bound the cache may
		// answer
		Thread.sleep(SHORT_STALENESS.toMillis() + 50);
		assertThat(bobReadsOn(this.b)).isFalse();
	}

	@Test
	void newFollowerReadsBackChangesThatWereStillOpenWhenItStarted() throws Exception {
		this.a.grants().grant(BOB_READS);
		CountDownLatch written = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		CompletableFuture<Void> slow = CompletableFuture
			.runAsync(() -> this.a.transactions().executeWithoutResult((status) -> {
				this.a.grants().revoke(BOB_READS);
				written.countDown();
				await(commit);
			}));
		assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
		this.a.grants().grant(CAROL_READS);
		FollowedInstance c = instance(MAX_STALENESS);
		c.follower().poll();
		assertThat(bobReadsOn(c)).isTrue();
		commit.countDown();
		slow.get(10, TimeUnit.SECONDS);
		c.follower().poll();
		assertThat(bobReadsOn(c)).isFalse();
	}

	@Test
	void changeWhoseTransactionStaysOpenPastHalfTheGapTimeoutIsRolledBack() {
		this.a.grants().grant(BOB_READS);
		assertThatIllegalStateException().isThrownBy(() -> this.a.transactions().executeWithoutResult((status) -> {
			this.a.grants().revoke(BOB_READS);
			sleep(GAP_TIMEOUT.dividedBy(2).plusMillis(100));
		})).withMessageContaining("rolled back");
		assertThat(this.a.grants().permissionsOf(Grantee.user("bob"))).containsExactly(BOB_READS);
		assertThat(bobReadsOn(this.a)).isTrue();
	}

	@Test
	void pruningNeverRemovesARowAFollowerHasNotRead() {
		MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
		ChangeLog log = new ChangeLog(JdbcClient.create(this.database), this.tables, clock, Duration.ofSeconds(30),
				List.of());
		JdbcClient jdbc = JdbcClient.create(this.database);
		jdbc.sql("DELETE FROM pm_followers").update();
		for (String user : List.of("u1", "u2", "u3", "u4")) {
			jdbc.sql("INSERT INTO pm_changes (grantee_kind, grantee_name, changed_at) VALUES ('USER', :user, :at)")
				.param("user", user)
				.param("at", java.time.LocalDateTime.parse("2026-12-01T00:00:00"))
				.update();
		}
		List<Long> positions = jdbc.sql("SELECT id FROM pm_changes ORDER BY id").query(Long.class).list();
		log.heartbeat("fast", positions.get(3));
		log.heartbeat("slow", positions.get(1));
		clock.advance(Duration.ofMinutes(30));
		log.heartbeat("fast", positions.get(3));
		log.heartbeat("slow", positions.get(1));
		assertThat(log.prune(Duration.ofMinutes(10))).isEqualTo(2);
		assertThat(jdbc.sql("SELECT id FROM pm_changes ORDER BY id").query(Long.class).list())
			.containsExactly(positions.get(2), positions.get(3));
		// a follower silent longer than the retention is forgotten, and no longer holds
		// rows back
		clock.advance(Duration.ofMinutes(30));
		log.heartbeat("fast", positions.get(3));
		assertThat(log.prune(Duration.ofMinutes(10))).isEqualTo(2);
		assertThat(log.heartbeat("slow", positions.get(1))).isFalse();
	}

	@Test
	void followerForgottenByThePruningOfOthersDropsItsWholeCache() throws Exception {
		this.a.grants().grant(BOB_READS);
		this.b.follower().poll();
		assertThat(bobReadsOn(this.b)).isTrue();
		ConsistencyToken revoked = this.a.grants().revoke(BOB_READS);
		// b stayed silent past the retention: another instance forgot it and pruned the
		// revoke's row
		JdbcClient jdbc = JdbcClient.create(this.database);
		jdbc.sql("DELETE FROM pm_followers").update();
		jdbc.sql("DELETE FROM pm_changes WHERE id = :id").param("id", revoked.position()).update();
		// the next heartbeat (every 5 s) finds b forgotten
		Thread.sleep(5100);
		this.b.follower().poll();
		assertThat(bobReadsOn(this.b)).isFalse();
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static RuntimeException catchPoll(FollowedInstance instance) {
		try {
			instance.follower().poll();
			return null;
		}
		catch (RuntimeException ex) {
			return ex;
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			if (!latch.await(10, TimeUnit.SECONDS)) {
				throw new IllegalStateException("not released");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
