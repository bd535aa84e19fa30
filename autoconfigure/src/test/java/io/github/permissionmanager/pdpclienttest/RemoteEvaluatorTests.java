package io.github.permissionmanager.pdpclienttest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.permissionmanager.Consistency;
import io.github.permissionmanager.ConsistencyToken;
import io.github.permissionmanager.Decision;
import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.PermissionEvaluationException;
import io.github.permissionmanager.PermissionGrants;
import io.github.permissionmanager.PermissionManager;
import io.github.permissionmanager.PermissionRequest;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.decide.DefaultPermissionManager;
import io.github.permissionmanager.remote.RemotePermissionEvaluator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Two real applications on random ports: a service whose {@code @RequiresPermissions}
 * checks go to a decision point through a proxy that misbehaves on demand. Decisions are
 * the decision point's; the permissions of one call travel in one round trip; a cached
 * decision costs none, but not for a consistency requirement it is older than; the
 * decision point stopped, slow, failing, answering garbage or a redirect (never followed)
 * is a 503 (the method does not run, unguarded endpoints still answer) and the service
 * recovers by itself. More checks than a bulk may hold are asked in several bulks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteEvaluatorTests {

	private final AtomicInteger docs = new AtomicInteger(100);

	private ConfigurableApplicationContext pdp;

	private FaultyProxy proxy;

	private ConfigurableApplicationContext service;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	void start() throws IOException {
		pdp = Apps.decisionPoint("remote-evaluator-" + transport());
		proxy = new FaultyProxy(URI.create("http://127.0.0.1:" + Apps.port(pdp)));
		service = Apps.service(proxy.url() + "/pdp", "permission-manager.pdp.client.cache-ttl=10m",
				"permission-manager.pdp.client.transport=" + transport());
		grants().grant(Grant.of(Grantee.user("billing"), "pdp:check"));
	}

	/**
	 * The HTTP client the service asks with
	 * ({@code permission-manager.pdp.client.transport}).
	 * @return the setting
	 */
	String transport() {
		return "auto";
	}

	/**
	 * How the service's HTTP client names itself.
	 * @return the start of its User-Agent
	 */
	String userAgent() {
		// Apache HttpClient 5 is on this module's classpath
		return "Apache-HttpClient/5";
	}

	@AfterAll
	void stop() {
		if (service != null) {
			service.close();
		}
		if (proxy != null) {
			proxy.close();
		}
		if (pdp != null) {
			pdp.close();
		}
	}

	@BeforeEach
	void forward() {
		proxy.mode(FaultyProxy.Mode.FORWARD);
		service.getBean(RemotePermissionEvaluator.class).invalidateAll();
	}

	@Test
	void theServiceHasNoGrantStoreAndItsManagerAsksTheDecisionPoint() {
		assertThat(service.getBeanNamesForType(PermissionGrants.class)).isEmpty();
		assertThat(service.getBean(PermissionManager.class)).isInstanceOf(DefaultPermissionManager.class);
		int doc = docs.incrementAndGet();
		grants().grant(Grant.of(Grantee.user("carol"), "doc:read").on("doc", doc));
		Grant lists = Grant.of(Grantee.user("billing"), "pdp:list");
		grants().grant(lists);
		try {
			assertThat(manager().objectIds(Subject.of("carol"), "doc:read", "doc")).contains(String.valueOf(doc));
		}
		finally {
			grants().revoke(lists);
		}
	}

	@Test
	void aServiceThatLacksPdpListCannotListObjects() {
		int doc = docs.incrementAndGet();
		grants().grant(Grant.of(Grantee.user("carol"), "doc:read").on("doc", doc));
		assertThatExceptionOfType(PermissionEvaluationException.class)
			.isThrownBy(() -> manager().objectIds(Subject.of("carol"), "doc:read", "doc"))
			.withMessageContaining("answered v1/object-ids with 403")
			.withMessageContaining("pdp:list");
	}

	@Test
	void theServiceAsksWithTheHttpClientItIsSetUpWith() throws Exception {
		int doc = docs.incrementAndGet();
		grants().grant(Grant.of(Grantee.user("alice"), "doc:read").on("doc", doc));
		assertThat(get("/docs/" + doc, "alice")).isEqualTo("200 doc " + doc);
		assertThat(proxy.userAgent()).startsWith(userAgent());
	}

	@Test
	void guardedEndpointsAreDecidedByTheDecisionPoint() throws Exception {
		int doc = docs.incrementAndGet();
		grants().grant(Grant.of(Grantee.user("alice"), "doc:read").on("doc", doc));
		assertThat(get("/docs/" + doc, "alice")).isEqualTo("200 doc " + doc);
		assertThat(get("/docs/" + (doc + 1000), "alice")).startsWith("403 ").contains("\"missingPermissions\"");
		assertThat(get("/docs/" + doc, "bob")).startsWith("403 ");
		assertThat(get("/docs/" + doc, null)).startsWith("401 ");
	}

	@Test
	void anyAndOptionalPermissionsTravelInOneRoundTripEachAndCachedOnesInNone() throws Exception {
		int doc = docs.incrementAndGet();
		grants().grant(Grant.of(Grantee.user("alice"), "doc:write").on("doc", doc));
		grants().grant(Grant.of(Grantee.user("alice"), "doc:share").on("doc", doc));
		int before = proxy.forwarded();
		assertThat(get("/docs/" + doc + "/either", "alice")).isEqualTo("200 [\"doc:share\",\"doc:write\"]");
		assertThat(proxy.forwarded() - before).isEqualTo(2);
		assertThat(get("/docs/" + doc + "/either", "alice")).isEqualTo("200 [\"doc:share\",\"doc:write\"]");
		assertThat(proxy.forwarded() - before).isEqualTo(2);
		assertThat(get("/docs/" + doc + "/either", "bob")).startsWith("403 ");
	}

	@Test
	void moreChecksThanTheDecisionPointTakesInOneBulkTravelInSeveral() {
		int doc = docs.addAndGet(10);
		for (int i = 0; i < 5; i++) {
			grants().grant(Grant.of(Grantee.user("erin"), (i % 2 == 0) ? "doc:read" : "doc:*").on("doc", doc - i));
		}
		List<PermissionRequest> checks = new ArrayList<>();
		for (int i = 0; i < 1500; i++) {
			checks.add(new PermissionRequest(Subject.of((i % 3 == 0) ? "frank" : "erin"),
					(i % 2 == 0) ? "doc:read" : "doc:write", Resource.of("doc", doc - (i % 10)),
					PermissionContext.empty()));
		}
		int before = proxy.forwarded();
		List<Decision> decided = service.getBean(RemotePermissionEvaluator.class).evaluateAll(checks);
		// 1,500 checks, the decision point's limit 1,000 a bulk: two bulks
		assertThat(proxy.forwarded() - before).isEqualTo(2);
		int allowed = 0;
		for (int i = 0; i < checks.size(); i++) {
			PermissionRequest check = checks.get(i);
			boolean expected = pdp.getBean(PermissionManager.class)
				.check(check.subject(), check.permission(), check.resource());
			assertThat(decided.get(i).allowed()).as(check.toString()).isEqualTo(expected);
			allowed += expected ? 1 : 0;
		}
		assertThat(allowed).isBetween(1, checks.size() - 1);
	}

	@Test
	void aCachedDecisionOlderThanAConsistencyRequirementIsAskedAgain() {
		int doc = docs.incrementAndGet();
		Subject dave = Subject.of("dave");
		Resource resource = Resource.of("doc", doc);
		assertThat(manager().explain(dave, "doc:read", resource).reason()).isEqualTo("denied");
		ConsistencyToken token = grants().grant(Grant.of(Grantee.user("dave"), "doc:read").on("doc", doc));
		int before = proxy.forwarded();
		// the cache still says no, as a cache may until its TTL
		assertThat(manager().check(dave, "doc:read", resource)).isFalse();
		assertThat(proxy.forwarded()).isEqualTo(before);
		assertThat(manager().check(dave, "doc:read", resource, Consistency.atLeast(token))).isTrue();
		assertThat(manager().check(dave, "doc:read", resource, Consistency.full())).isTrue();
		assertThat(proxy.forwarded()).isEqualTo(before + 2);
		// the fresher answer is cached now, and vouches for the token
		assertThat(manager().check(dave, "doc:read", resource, Consistency.atLeast(token))).isTrue();
		assertThat(proxy.forwarded()).isEqualTo(before + 2);
	}

	@Test
	void aDecisionPointThatIsStoppedSlowFailingOrGarbledIsA503AndTheServiceRecovers() throws Exception {
		for (FaultyProxy.Mode mode : new FaultyProxy.Mode[] { FaultyProxy.Mode.SLOW, FaultyProxy.Mode.ERROR,
				FaultyProxy.Mode.GARBAGE, FaultyProxy.Mode.HALF_ANSWER, FaultyProxy.Mode.REDIRECT, null }) {
			int doc = docs.incrementAndGet();
			grants().grant(Grant.of(Grantee.user("alice"), "doc:read").on("doc", doc));
			if (mode != null) {
				proxy.mode(mode);
			}
			else {
				proxy.stop();
			}
			String answer = get("/docs/" + doc, "alice");
			assertThat(answer).as(String.valueOf(mode)).startsWith("503 ").doesNotContain("doc " + doc);
			assertThat(get("/open", "alice")).isEqualTo("200 open");
			if (mode != null) {
				proxy.mode(FaultyProxy.Mode.FORWARD);
			}
			else {
				proxy.restart();
			}
			assertThat(get("/docs/" + doc, "alice")).as(String.valueOf(mode)).isEqualTo("200 doc " + doc);
		}
	}

	@Test
	void aServiceThatLacksPdpCheckFailsClosed() throws Exception {
		int doc = docs.incrementAndGet();
		grants().grant(Grant.of(Grantee.user("alice"), "doc:read").on("doc", doc));
		grants().revoke(Grant.of(Grantee.user("billing"), "pdp:check"));
		try {
			assertThat(get("/docs/" + doc, "alice")).startsWith("503 ");
		}
		finally {
			grants().grant(Grant.of(Grantee.user("billing"), "pdp:check"));
		}
		assertThat(get("/docs/" + doc, "alice")).isEqualTo("200 doc " + doc);
	}

	@Test
	void aBodyOverTheLimitSentWithoutALengthIsA413Problem() throws Exception {
		// chunked, so the decision point cannot refuse it by its Content-Length
		byte[] huge = ("{\"user\":{\"key\":\"bob\",\"attributes\":{\"x\":\"" + "x".repeat(1_100_000)
				+ "\"}},\"action\":\"doc:read\"}")
			.getBytes(StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Apps.port(pdp) + "/pdp/v1/check"))
			.header("X-Api-Key", Apps.KEY)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("larger than").doesNotContain("xxxx");
	}

	private PermissionGrants grants() {
		return pdp.getBean(PermissionGrants.class);
	}

	private PermissionManager manager() {
		return service.getBean(PermissionManager.class);
	}

	private String get(String path, String user) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + Apps.port(service) + path));
		if (user != null) {
			request.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return response.statusCode() + " " + response.body();
	}

}
