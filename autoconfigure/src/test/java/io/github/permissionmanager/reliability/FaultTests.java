package io.github.permissionmanager.reliability;

import java.lang.reflect.Method;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionGrants;
import io.github.permissionmanager.PermissionManager;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.decide.GrantSnapshotCache;
import io.github.permissionmanager.AuthenticationRequiredException;
import io.github.permissionmanager.testsupport.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Faults over real HTTP: the store goes away and comes back, the evaluator throws or
 * abstains, a guarded call runs on a thread without a security context, a revoked user
 * races new content. In each, the guarded method must not run unless a clean allow was
 * given, and every refusal is a problem response that shows nothing of the server's
 * insides.
 */
@SpringBootTest(classes = ReliabilityApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "reliability.datasource.url=jdbc:h2:mem:reliability-faults;DB_CLOSE_DELAY=-1",
				"permission-manager.store.initialize-schema=always" })
class FaultTests {

	@LocalServerPort
	int port;

	@Autowired
	SwitchableDataSource dataSource;

	@Autowired
	SwitchableEvaluator evaluator;

	@Autowired
	PermissionGrants grants;

	@Autowired
	PermissionManager permissions;

	@Autowired
	GrantSnapshotCache snapshots;

	@Autowired
	Probe probe;

	@Autowired
	NoteService notes;

	@Autowired
	AsyncNotes asyncNotes;

	Http http;

	@BeforeEach
	void reset() {
		this.http = new Http(this.port);
		this.dataSource.up();
		this.evaluator.mode(SwitchableEvaluator.Mode.NORMAL);
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		jdbc.sql("DELETE FROM pm_grants").update();
		jdbc.sql("DELETE FROM pm_memberships").update();
		this.snapshots.invalidateAll();
		this.probe.reset();
	}

	@AfterEach
	void restore() {
		this.dataSource.up();
		this.evaluator.mode(SwitchableEvaluator.Mode.NORMAL);
		SecurityContextHolder.clearContext();
	}

	@Test
	void conditionsSeeTheStoresMembershipsInTheSubjectsGroups() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "note:read").on("note", 1));
		assertThat(this.http.send("bob", "GET", "/notes/1/staff", null).statusCode()).isEqualTo(403);
		this.grants.addMember("staff", "bob");
		assertThat(this.http.send("bob", "GET", "/notes/1/staff", null).statusCode()).isEqualTo(200);
		this.grants.removeMember("staff", "bob");
		assertThat(this.http.send("bob", "GET", "/notes/1/staff", null).statusCode()).isEqualTo(403);
		assertThat(this.probe.ran()).containsExactly("staff read 1");
	}

	@Test
	void everyVerbOfAPackagePrivateHandlerIsCheckedByTheTypeLevelAnnotation() {
		for (String verb : List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")) {
			assertThat(this.http.send("dave", verb, "/documents/1", null).statusCode()).as(verb).isEqualTo(403);
		}
		assertThat(this.probe.ran()).isEmpty();
		this.grants.grant(Grant.of(Grantee.user("bob"), "document:write").on("document", 1));
		for (String verb : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
			assertThat(this.http.send("bob", verb, "/documents/1", null).statusCode()).as(verb).isEqualTo(200);
			assertThat(this.http.send("bob", verb, "/documents/2", null).statusCode()).as(verb).isEqualTo(403);
			assertThat(this.http.send(null, verb, "/documents/1", null).statusCode()).as(verb).isEqualTo(401);
		}
		assertThat(this.probe.ran()).containsExactly("GET 1", "POST 1", "PUT 1", "PATCH 1", "DELETE 1");
	}

	@Test
	void evaluatorThatThrowsAnythingOrAbstainsDeniesEveryTimeAndTheMethodNeverRuns() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "note:read").on("note", 1));
		assertThat(this.http.get("bob", "/notes/1").statusCode()).isEqualTo(200);
		this.probe.reset();
		Map<SwitchableEvaluator.Mode, Integer> expected = Map.of(SwitchableEvaluator.Mode.THROW_RUNTIME, 503,
				SwitchableEvaluator.Mode.THROW_ERROR, 503, SwitchableEvaluator.Mode.THROW_CHECKED, 503,
				SwitchableEvaluator.Mode.ABSTAIN, 403);
		expected.forEach((mode, status) -> {
			this.evaluator.mode(mode);
			for (int i = 0; i < 3; i++) {
				HttpResponse<String> response = this.http.get("bob", "/notes/1");
				assertThat(response.statusCode()).as(mode.name()).isEqualTo(status);
				assertThat(response.headers().firstValue("Content-Type")).as(mode.name())
					.hasValue("application/problem+json");
				assertThat(Http.leaksInternals(response.body())).as(mode + ": " + response.body()).isFalse();
				assertThat(this.permissions.check("bob", "note:read", Resource.of("note", 1))).as(mode.name())
					.isFalse();
			}
		});
		assertThat(this.probe.ran()).isEmpty();
		this.evaluator.mode(SwitchableEvaluator.Mode.NORMAL);
		assertThat(this.http.get("bob", "/notes/1").statusCode()).isEqualTo(200);
	}

	@Test
	void databaseGoingAwayMidRunAnswers503WithoutRunningTheMethodAndRecoversByItself() throws Exception {
		this.grants.grant(Grant.of(Grantee.user("bob"), "note:read").on("note", 1));
		Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
		List<String> leaks = new CopyOnWriteArrayList<>();
		AtomicBoolean running = new AtomicBoolean(true);
		List<Thread> callers = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Thread caller = new Thread(() -> {
				while (running.get()) {
					HttpResponse<String> response = this.http.get("bob", "/notes/1");
					statuses.merge(response.statusCode(), 1, Integer::sum);
					if (Http.leaksInternals(response.body())) {
						leaks.add(response.body());
					}
				}
			});
			caller.start();
			callers.add(caller);
		}
		Thread.sleep(400);
		this.dataSource.down();
		// What was cached before the outage ages out (the TTL's job); from then on every
		// check needs the store
		this.snapshots.invalidateAll();
		int ranBeforeOutage = this.probe.ran().size();
		Thread.sleep(800);
		int ranDuringOutage = this.probe.ran().size() - ranBeforeOutage;
		HttpResponse<String> duringOutage = this.http.get("alice", "/notes/1");
		this.dataSource.up();
		Thread.sleep(400);
		running.set(false);
		for (Thread caller : callers) {
			caller.join(10_000);
		}
		assertThat(duringOutage.statusCode()).isEqualTo(503);
		assertThat(duringOutage.body()).contains("The permission check could not be completed");
		assertThat(this.dataSource.refused()).isPositive();
		assertThat(statuses.keySet()).containsOnly(200, 503);
		assertThat(statuses.get(503)).isPositive();
		assertThat(leaks).isEmpty();
		assertThat(this.probe.ran()).hasSize(statuses.get(200));
		// Only calls already past their check when the outage began may have run during
		// it
		assertThat(ranDuringOutage).isLessThanOrEqualTo(callers.size());
		assertThat(this.http.get("bob", "/notes/1").statusCode()).isEqualTo(200);
		assertThat(this.http.get("alice", "/notes/1").statusCode()).isEqualTo(403);
	}

	@Test
	void guardedServiceCalledFromAnAsyncMethodHasNoSecurityContextAndIsRefused() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "note:read").on("note", 1));
		signIn("bob");
		assertThat(this.notes.summarize("1")).isEqualTo("summary of 1");
		this.probe.reset();
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> this.asyncNotes.summarize("1").get(10, TimeUnit.SECONDS))
			.withCauseInstanceOf(AuthenticationRequiredException.class);
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> this.notes.summarizeLater("1").get(10, TimeUnit.SECONDS))
			.withCauseInstanceOf(AuthenticationRequiredException.class);
		assertThat(this.probe.ran()).isEmpty();
	}

	@Test
	void guardedServiceCalledOnANewOrVirtualThreadHasNoSecurityContextAndIsRefused() throws Exception {
		this.grants.grant(Grant.of(Grantee.user("bob"), "note:read").on("note", 1));
		signIn("bob");
		AtomicReference<Throwable> onPlatformThread = new AtomicReference<>();
		Thread platform = new Thread(() -> call(onPlatformThread));
		platform.start();
		platform.join(10_000);
		assertThat(onPlatformThread.get()).isInstanceOf(AuthenticationRequiredException.class);
		Method ofVirtual = virtualThreadBuilder();
		if (ofVirtual == null) {
			System.out.println("SKIPPED virtual-thread half of " + getClass().getSimpleName() + ": this JDK ("
					+ Runtime.version() + ") has no virtual threads; the platform-thread half ran");
		}
		else {
			AtomicReference<Throwable> onVirtualThread = new AtomicReference<>();
			Object builder = ofVirtual.invoke(null);
			Method start = builder.getClass().getMethod("start", Runnable.class);
			start.setAccessible(true);
			Thread virtual = (Thread) start.invoke(builder, (Runnable) () -> call(onVirtualThread));
			virtual.join(10_000);
			assertThat(onVirtualThread.get()).isInstanceOf(AuthenticationRequiredException.class);
		}
		assertThat(this.probe.ran()).isEmpty();
	}

	@Test
	void revokedUserCannotReadContentWrittenAfterTheRevoke() throws Exception {
		// Zanzibar's "new enemy": revoke bob, then write; bob must never see what was
		// written
		Grant bobReads = Grant.of(Grantee.user("bob"), "note:read").on("note", 7);
		this.grants.grantAll(List.of(bobReads, Grant.of(Grantee.user("alice"), "note:write").on("note", 7)));
		record Read(long startedAt, int status, String body) {
		}
		List<Read> reads = new CopyOnWriteArrayList<>();
		AtomicBoolean running = new AtomicBoolean(true);
		Thread reader = new Thread(() -> {
			while (running.get()) {
				long startedAt = System.nanoTime();
				HttpResponse<String> response = this.http.get("bob", "/notes/7");
				reads.add(new Read(startedAt, response.statusCode(), response.body()));
			}
		});
		reader.start();
		for (int round = 0; round < 3; round++) {
			this.grants.grant(bobReads);
			long grantedAt = System.nanoTime();
			await(() -> reads.stream().anyMatch((read) -> read.startedAt() > grantedAt && read.status() == 200));
			this.grants.revoke(bobReads);
			long revokedAt = System.nanoTime();
			assertThat(this.http.send("alice", "POST", "/notes/7", "secret " + round).statusCode()).isEqualTo(200);
			await(() -> reads.stream().filter((read) -> read.startedAt() > revokedAt).count() >= 3);
			assertThat(reads).filteredOn((read) -> read.startedAt() > revokedAt)
				.allSatisfy((read) -> assertThat(read.status()).isEqualTo(403));
		}
		running.set(false);
		reader.join(10_000);
		// Every read that started after a revoke returned was refused, so none saw what
		// followed it
		assertThat(reads).anySatisfy((read) -> assertThat(read.status()).isEqualTo(200));
	}

	private static void await(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("condition within 20 s").isLessThan(deadline);
			Thread.sleep(5);
		}
	}

	private void call(AtomicReference<Throwable> failure) {
		try {
			this.notes.summarize("1");
		}
		catch (Throwable ex) {
			failure.set(ex);
		}
	}

	private static void signIn(String user) {
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(user, user, "ROLE_USER"));
	}

	private static Method virtualThreadBuilder() {
		try {
			return Thread.class.getMethod("ofVirtual");
		}
		catch (NoSuchMethodException ex) {
			return null;
		}
	}

}
