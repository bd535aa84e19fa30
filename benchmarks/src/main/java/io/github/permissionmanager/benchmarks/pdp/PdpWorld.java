package io.github.permissionmanager.benchmarks.pdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.github.permissionmanager.Decision;
import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.PermissionGrants;
import io.github.permissionmanager.PermissionManager;
import io.github.permissionmanager.PermissionRequest;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.remote.RemotePermissionEvaluator;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;

/**
 * A decision point and two services that ask it, each a Spring Boot context with the
 * starter's auto-configuration, in one JVM on loopback: the decision point (JDBC grant
 * store on H2, {@code permission-manager.pdp.enabled}, an API key) on a random port of
 * 127.0.0.1, a service whose client caches decisions for ten minutes and one that asks
 * every time ({@code cache-ttl=0}). 200 users hold 1,000 grants on 100 events; the checks
 * are 1,024 fixed random ones, allowed and denied. Before anything is timed,
 * {@link #verify()} asks every check of both services and the local manager, and they
 * must agree.
 * <p>
 * Run with the sample app's runtime classpath (web server, Spring Security, H2), as
 * {@code benchmarks/run-pdp.sh} does: this module's own has no servlet container.
 */
final class PdpWorld implements AutoCloseable {

	/** The mask of a check's index. */
	static final int CHECK_MASK = 1023;

	/** The API key the services send. */
	static final String KEY = "bench-key-0123456789abcdef";

	private static final String[] ACTIONS = { "event:read", "event:update", "event:delete" };

	final ConfigurableApplicationContext server;

	final ConfigurableApplicationContext cachedClient;

	final ConfigurableApplicationContext uncachedClient;

	final PermissionManager local;

	final PermissionManager remoteCached;

	final PermissionManager remoteUncached;

	final RemotePermissionEvaluator uncachedEvaluator;

	final PermissionRequest[] requests = new PermissionRequest[CHECK_MASK + 1];

	/** The decision point's URL, its base path included. */
	final String url;

	/** The decision point's port on 127.0.0.1. */
	final int port;

	/** Times the decision point's own share of each request. */
	final ServerTimer serverTimer = new ServerTimer();

	PdpWorld() {
		this.server = new SpringApplicationBuilder(PdpBenchmarkApplication.class)
			.properties("spring.config.name=pdp-benchmark", "server.address=127.0.0.1", "server.port=0",
					"server.tomcat.max-keep-alive-requests=-1", "spring.main.banner-mode=off",
					"logging.level.root=warn", "spring.datasource.url=jdbc:h2:mem:pdp-bench;DB_CLOSE_DELAY=-1",
					"permission-manager.pdp.enabled=true", "permission-manager.pdp.api-keys.bench=" + KEY,
					"permission-manager.cache.sync.mode=none",
					"permission-manager.roles.organizer=event:read,event:update,event:delete")
			.initializers((context) -> {
				FilterRegistrationBean<ServerTimer> timer = new FilterRegistrationBean<>(this.serverTimer);
				timer.setOrder(Ordered.HIGHEST_PRECEDENCE);
				context.getBeanFactory().registerSingleton("pdpBenchmarkServerTimer", timer);
			})
			.run();
		PermissionGrants grants = this.server.getBean(PermissionGrants.class);
		grants.grant(Grant.of(Grantee.user("bench"), "pdp:check"));
		Random random = new Random(18);
		List<Grant> all = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			String user = "u" + random.nextInt(200);
			all.add(random.nextInt(10) == 0 ? Grant.of(Grantee.user(user), "organizer").on("event", random.nextInt(100))
					: Grant.of(Grantee.user(user), ACTIONS[random.nextInt(2)]).on("event", random.nextInt(100)));
		}
		grants.grantAll(all);
		for (int i = 0; i < this.requests.length; i++) {
			// half of the checks ask about a grant that exists, the rest at random
			Grant grant = all.get(random.nextInt(all.size()));
			boolean known = random.nextBoolean();
			String user = known ? grant.grantee().name() : "u" + random.nextInt(200);
			String action = known && !grant.permission().equals("organizer") ? grant.permission()
					: ACTIONS[random.nextInt(ACTIONS.length)];
			Object event = known ? String.valueOf(grant.resourceId()) : random.nextInt(100);
			this.requests[i] = new PermissionRequest(Subject.of(user), action, Resource.of("event", event),
					PermissionContext.empty());
		}
		this.port = this.server.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		this.url = "http://127.0.0.1:" + this.port + "/pdp";
		this.cachedClient = client(this.url, "10m", "pdp-bench-cached");
		this.uncachedClient = client(this.url, "0", "pdp-bench-uncached");
		this.local = this.server.getBean(PermissionManager.class);
		this.remoteCached = this.cachedClient.getBean(PermissionManager.class);
		this.remoteUncached = this.uncachedClient.getBean(PermissionManager.class);
		this.uncachedEvaluator = this.uncachedClient.getBean(RemotePermissionEvaluator.class);
	}

	private static ConfigurableApplicationContext client(String url, String ttl, String database) {
		return new SpringApplicationBuilder(PdpBenchmarkApplication.class).web(WebApplicationType.NONE)
			.properties("spring.config.name=pdp-benchmark", "spring.main.banner-mode=off", "logging.level.root=warn",
					"spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1",
					"permission-manager.pdp.url=" + url, "permission-manager.pdp.client.api-key=" + KEY,
					"permission-manager.pdp.client.cache-ttl=" + ttl,
					// a cold decision point on a loaded machine: the first answers may
					// take
					// more than the default second; what is timed is far below either
					"permission-manager.pdp.client.read-timeout=10s",
					"permission-manager.pdp.client.connect-timeout=5s")
			.run();
	}

	/**
	 * Every check asked locally, remotely through the cache and remotely uncached, in a
	 * bulk: all must agree, and some must be allowed and some denied. Warms the caches.
	 */
	void verify() {
		int allowed = 0;
		// in bulks of 256: a bulk may hold at most permission-manager.pdp.max-checks
		// (1,000)
		List<Decision> bulk = new ArrayList<>();
		for (int from = 0; from < this.requests.length; from += 256) {
			bulk.addAll(this.uncachedEvaluator.evaluateAll(List.of(this.requests).subList(from, from + 256)));
		}
		for (int i = 0; i < this.requests.length; i++) {
			boolean expected = check(this.local, i);
			Decision inBulk = bulk.get(i);
			if (check(this.remoteCached, i) != expected || check(this.remoteUncached, i) != expected || inBulk == null
					|| inBulk.allowed() != expected) {
				throw new IllegalStateException(
						"the decision point and the local store disagree on " + this.requests[i]);
			}
			allowed += expected ? 1 : 0;
		}
		if (allowed == 0 || allowed == this.requests.length) {
			throw new IllegalStateException("the checks must be allowed and denied, but " + allowed + " of "
					+ this.requests.length + " were allowed");
		}
		System.out.println("# PDP: " + this.requests.length + " checks answered as the local store decides (" + allowed
				+ " allowed), locally, remotely cached, uncached and in bulk: verified");
	}

	boolean check(PermissionManager manager, int index) {
		PermissionRequest request = this.requests[index];
		return manager.check(request.subject(), request.permission(), request.resource());
	}

	@Override
	public void close() {
		this.cachedClient.close();
		this.uncachedClient.close();
		this.server.close();
	}

	/**
	 * The decision point and its clients: the starter's auto-configuration, no scanning.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class PdpBenchmarkApplication {

	}

}
