package io.github.permissionmanager.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.permissionmanager.PermissionGrants;
import io.github.permissionmanager.autoconfigure.PermissionStoreProperties;
import io.github.permissionmanager.decide.CacheTrust;
import io.github.permissionmanager.decide.GrantSnapshotCache;
import io.github.permissionmanager.testsupport.Http;
import io.github.permissionmanager.testsupport.RequiresServer;
import io.github.permissionmanager.testsupport.Server;
import org.junit.jupiter.api.Test;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What keeps one instance true to the others fails while they run. The push channel: a
 * lost wake-up costs latency, never correctness, and push comes back by itself (Redis
 * runs on a private server the test kills and starts again; the shared one is never
 * touched). The change log: an instance that cannot read it stops trusting its cache
 * after {@code max-staleness} and reads the store, so it never allows what was revoked,
 * and trusts its cache again by itself once it can read the log.
 */
class SyncOutageTests {

	private static final Duration PUSHED = Duration.ofMillis(100);

	@Test
	@RequiresServer(Server.POSTGRESQL)
	void redisStoppedMidRunLeavesPollingInChargeAndPushComesBackWithIt() throws Exception {
		try (PrivateRedis redis = PrivateRedis.start(getClass().getSimpleName())) {
			SharedInstances.run(Server.POSTGRESQL, 2, false, (instances) -> {
				Propagation.Latencies pushed = Propagation.measure(instances, 20, Duration.ofSeconds(3));
				pushed.print("Redis push on a private server, poll every second");
				assertThat(pushed.revokeP50()).isLessThan(PUSHED);
				redis.stop();
				Propagation.Latencies polled = Propagation.measure(instances, 10, Duration.ofSeconds(3));
				polled.print("Redis stopped: polling alone, every second");
				// push is really gone: a revoke right after the poll that delivered
				// the grant waits for the next one
				assertThat(polled.revokeP50()).isGreaterThan(PUSHED);
				assertThat(polled.revokeMax()).isLessThan(Duration.ofMillis(1000 + 500));
				// grant and revoke never wait for Redis
				assertThat(polled.writeMax()).isLessThan(Duration.ofSeconds(1));
				redis.startAgain();
				long restarted = System.nanoTime();
				Propagation.within(Duration.ofSeconds(60), () -> pushedAgain(instances));
				System.out.println("Redis push back " + Duration.ofNanos(System.nanoTime() - restarted).toMillis()
						+ " ms after the server restarted");
				Propagation.Latencies back = Propagation.measure(instances, 50, Duration.ofSeconds(3));
				back.print("Redis push after the server came back");
				assertThat(back.revokeP50()).isLessThan(PUSHED);
			}, "redis_outage", "permission-manager.cache.sync.mode=redis", "spring.data.redis.host=127.0.0.1",
					"spring.data.redis.port=" + redis.port(), "permission-manager.cache.sync.poll-interval=1s",
					"permission-manager.cache.sync.max-staleness=3s");
		}
	}

	@Test
	@RequiresServer(Server.POSTGRESQL)
	void changeLogUnreachableOnOneInstanceMakesItReadTheStoreAfterMaxStalenessAndItRecoversByItself() throws Exception {
		SharedInstances.run(Server.POSTGRESQL, 2, true, (instances) -> {
			PermissionGrants grants = instances.get(0).getBean(PermissionGrants.class);
			SwitchableDataSource database = instances.get(1).getBean(SwitchableDataSource.class);
			CacheTrust trust = instances.get(1).getBean(GrantSnapshotCache.class).trust();
			String changes = instances.get(1).getBean(PermissionStoreProperties.class).getTablePrefix() + "changes";
			Http http = new Http(((WebServerApplicationContext) instances.get(1)).getWebServer().getPort());
			grants.grant(Propagation.BOB_READS);
			Propagation.within(Duration.ofSeconds(2), () -> http.get("bob", "/notes/1").statusCode() == 200);
			database.refuseTable(changes);
			long refused = System.nanoTime();
			grants.revoke(Propagation.BOB_READS);
			List<Integer> afterTheBound = new ArrayList<>();
			while (System.nanoTime() - refused < Duration.ofSeconds(3).toNanos()) {
				// sent after the bound: whenever the answer comes back on a busy machine,
				// the check started after it
				boolean pastTheBound = System.nanoTime() - refused > Duration.ofMillis(1000 + 50).toNanos();
				int status = http.get("bob", "/notes/1").statusCode();
				// within the bound the cached allow may stand; the store answers: no 503
				assertThat(status).isIn(200, 403);
				if (pastTheBound) {
					afterTheBound.add(status);
				}
				Thread.sleep(20);
			}
			assertThat(afterTheBound).isNotEmpty().containsOnly(403);
			assertThat(trust.isTrusted()).isFalse();
			// every check reads the store now: a change on the other instance is
			// enforced at once
			grants.grant(Propagation.BOB_READS);
			assertThat(http.get("bob", "/notes/1").statusCode()).isEqualTo(200);
			grants.revoke(Propagation.BOB_READS);
			assertThat(http.get("bob", "/notes/1").statusCode()).isEqualTo(403);
			database.allowEveryTable();
			Propagation.within(Duration.ofSeconds(5), trust::isTrusted);
			grants.grant(Propagation.BOB_READS);
			Propagation.within(Duration.ofSeconds(2), () -> http.get("bob", "/notes/1").statusCode() == 200);
			grants.revoke(Propagation.BOB_READS);
			Propagation.within(Duration.ofSeconds(2), () -> http.get("bob", "/notes/1").statusCode() == 403);
		}, "log_outage", "permission-manager.cache.sync.poll-interval=200ms",
				"permission-manager.cache.sync.max-staleness=1s");
	}

	private static boolean pushedAgain(List<ConfigurableApplicationContext> instances) {
		try {
			return Propagation.measure(instances, 3, Duration.ofSeconds(3)).revokeP50().compareTo(PUSHED) < 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
