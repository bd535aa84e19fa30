package io.github.permissionmanager.reliability;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionGrants;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.decide.DecisionService;
import io.github.permissionmanager.decide.DefaultPermissionEvaluator;
import io.github.permissionmanager.decide.DefaultPermissionManager;
import io.github.permissionmanager.decide.GrantSnapshotCache;
import io.github.permissionmanager.decide.Roles;
import io.github.permissionmanager.testsupport.Http;
import io.github.permissionmanager.testsupport.RequiresServer;
import io.github.permissionmanager.testsupport.Server;
import org.junit.jupiter.api.Test;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A slow store: PostgreSQL sleeps ({@code pg_sleep}) inside the very query a check runs,
 * for longer than {@code permission-manager.evaluation.timeout}. The check gives up after
 * the timeout, the call is refused with 503 and the method does not run; no request
 * thread waits for the database beyond the timeout, not even behind another check of the
 * same subject; when the database is fast again, checks pass by themselves.
 */
class SlowStoreTests {

	static final Duration TIMEOUT = Duration.ofSeconds(1);

	@Test
	void concurrentChecksOfOneSubjectAgainstASlowFailingStoreDoNotQueueBehindEachOther() throws Exception {
		// each load waits 600 ms and then fails, as a query cancelled by its timeout does
		GrantSnapshotCache cache = new GrantSnapshotCache((user, groups) -> {
			sleep(600);
			throw new QueryTimeoutException("canceling statement due to statement timeout");
		}, Roles.none(), Clock.systemUTC(), Duration.ofMinutes(10), 100);
		DefaultPermissionManager manager = new DefaultPermissionManager(
				new DecisionService(new DefaultPermissionEvaluator(cache), (event) -> {
				}, false), cache);
		ExecutorService callers = Executors.newFixedThreadPool(6);
		List<Future<Boolean>> calls = new ArrayList<>();
		long started = System.nanoTime();
		for (int i = 0; i < 6; i++) {
			calls.add(callers.submit(() -> manager.check("bob", "note:read", Resource.of("note", 1))));
		}
		for (Future<Boolean> call : calls) {
			assertThat(call.get(20, TimeUnit.SECONDS)).isFalse();
		}
		callers.shutdown();
		// six loads one after another would take 3.6 s
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2400));
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	@RequiresServer(Server.POSTGRESQL)
	void checksGiveUpAfterTheEvaluationTimeoutAndDenyThenRecover() throws Exception {
		JdbcClient admin = JdbcClient
			.create(new DriverManagerDataSource(Server.POSTGRESQL.url(), Server.POSTGRESQL.user(), ""));
		String p = Server.uniqueTablePrefix("rel_slow");
		try (ConfigurableApplicationContext context = Instances.start(true, p,
				"permission-manager.evaluation.timeout=" + TIMEOUT.toMillis() + "ms")) {
			context.getBean(PermissionGrants.class)
				.grantAll(List.of(Grant.of(Grantee.user("bob"), "note:read").on("note", 1)));
			context.getBean(PermissionGrants.class).addMember("readers", "bob");
			// The memberships table becomes a view that sleeps for every row it reads
			admin.sql("CREATE TABLE " + p + "delay (seconds DOUBLE PRECISION NOT NULL)").update();
			admin.sql("INSERT INTO " + p + "delay VALUES (0)").update();
			admin.sql("CREATE FUNCTION " + p + "wait() RETURNS boolean LANGUAGE plpgsql VOLATILE AS "
					+ "$$ BEGIN PERFORM pg_sleep((SELECT seconds FROM " + p + "delay LIMIT 1)); RETURN true; END $$")
				.update();
			admin.sql("ALTER TABLE " + p + "memberships RENAME TO " + p + "memberships_data").update();
			admin
				.sql("CREATE VIEW " + p + "memberships AS SELECT * FROM " + p + "memberships_data WHERE " + p
						+ "wait()")
				.update();
			Probe probe = context.getBean(Probe.class);
			Http http = new Http(((WebServerApplicationContext) context).getWebServer().getPort());
			assertThat(http.get("bob", "/notes/1").statusCode()).isEqualTo(200);
			probe.reset();
			context.getBean(GrantSnapshotCache.class).invalidateAll();

			admin.sql("UPDATE " + p + "delay SET seconds = 8").update();
			ExecutorService callers = Executors.newFixedThreadPool(6);
			List<Future<HttpResponse<String>>> calls = new ArrayList<>();
			long started = System.nanoTime();
			for (int i = 0; i < 6; i++) {
				calls.add(callers.submit(() -> http.get("bob", "/notes/1")));
			}
			for (Future<HttpResponse<String>> call : calls) {
				HttpResponse<String> response = call.get(20, TimeUnit.SECONDS);
				assertThat(response.statusCode()).isEqualTo(503);
				assertThat(Http.leaksInternals(response.body())).as(response.body()).isFalse();
			}
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			callers.shutdown();
			System.out.println("Six concurrent checks against a store sleeping 8 s, evaluation timeout "
					+ TIMEOUT.toMillis() + " ms: all refused with 503 after " + took.toMillis() + " ms");
			// JDBC query timeouts have whole seconds; allow for a loaded machine, below
			// the 8 s sleep
			assertThat(took).isGreaterThanOrEqualTo(TIMEOUT).isLessThan(Duration.ofSeconds(6));
			assertThat(probe.ran()).isEmpty();

			admin.sql("UPDATE " + p + "delay SET seconds = 0").update();
			assertThat(http.get("bob", "/notes/1").statusCode()).isEqualTo(200);
			assertThat(probe.ran()).containsExactly("read 1");
		}
		finally {
			admin.sql("DROP VIEW IF EXISTS " + p + "memberships").update();
			admin
				.sql("DROP TABLE IF EXISTS " + p + "memberships, " + p + "memberships_data, " + p + "grants, " + p
						+ "audit, " + p + "changes, " + p + "followers, " + p + "delay")
				.update();
			admin.sql("DROP FUNCTION IF EXISTS " + p + "wait()").update();
		}
	}

}
