package io.github.permissionmanager.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionGrants;
import io.github.permissionmanager.PermissionManager;
import io.github.permissionmanager.Resource;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long a change made on one instance takes to be enforced on the others: grant on the
 * first, wait until every other allows; revoke, wait until every other denies; repeat.
 */
final class Propagation {

	static final Resource NOTE = Resource.of("note", 1);

	static final Grant BOB_READS = Grant.of(Grantee.user("bob"), "note:read").on("note", 1);

	private Propagation() {
	}

	/**
	 * Grant and revoke {@link #BOB_READS} on the first instance, timing each until every
	 * other instance agrees.
	 * @param instances the instances, the first one writing
	 * @param rounds how many grants and revokes
	 * @param limit how long one change may take to reach the others before the test fails
	 * @return the latencies
	 */
	static Latencies measure(List<ConfigurableApplicationContext> instances, int rounds, Duration limit)
			throws InterruptedException {
		PermissionGrants grants = instances.get(0).getBean(PermissionGrants.class);
		PermissionManager here = instances.get(0).getBean(PermissionManager.class);
		List<PermissionManager> others = instances.subList(1, instances.size())
			.stream()
			.map((instance) -> instance.getBean(PermissionManager.class))
			.toList();
		Latencies latencies = new Latencies();
		for (int round = 0; round < rounds; round++) {
			latencies.timeWrite(() -> grants.grant(BOB_READS));
			latencies.grants
				.add(until(limit, () -> others.stream().allMatch((other) -> other.check("bob", "note:read", NOTE))));
			latencies.timeWrite(() -> grants.revoke(BOB_READS));
			assertThat(here.check("bob", "note:read", NOTE)).isFalse();
			latencies.revokes
				.add(until(limit, () -> others.stream().noneMatch((other) -> other.check("bob", "note:read", NOTE))));
		}
		return latencies;
	}

	static Duration until(Duration limit, BooleanSupplier condition) throws InterruptedException {
		long started = System.nanoTime();
		while (!condition.getAsBoolean()) {
			Duration waited = Duration.ofNanos(System.nanoTime() - started);
			assertThat(waited).as("time for the change to reach the other instances").isLessThan(limit);
			Thread.sleep(1);
		}
		return Duration.ofNanos(System.nanoTime() - started);
	}

	static void within(Duration limit, BooleanSupplier condition) throws InterruptedException {
		until(limit, condition);
	}

	static final class Latencies {

		final List<Duration> grants = new ArrayList<>();

		final List<Duration> revokes = new ArrayList<>();

		// how long each grant and revoke call took on the writing instance
		final List<Duration> writes = new ArrayList<>();

		void timeWrite(Runnable write) {
			long started = System.nanoTime();
			write.run();
			this.writes.add(Duration.ofNanos(System.nanoTime() - started));
		}

		Duration writeMax() {
			return percentile(this.writes, 100);
		}

		Duration revokeP99() {
			return percentile(this.revokes, 99);
		}

		Duration revokeP50() {
			return percentile(this.revokes, 50);
		}

		Duration revokeMax() {
			return percentile(this.revokes, 100);
		}

		void print(String setting) {
			System.out.println("Cross-instance propagation (" + setting + "), " + this.revokes.size() + " revokes: p50 "
					+ percentile(this.revokes, 50).toMillis() + " ms, p99 " + percentile(this.revokes, 99).toMillis()
					+ " ms, max " + percentile(this.revokes, 100).toMillis() + " ms; grants: p50 "
					+ percentile(this.grants, 50).toMillis() + " ms, p99 " + percentile(this.grants, 99).toMillis()
					+ " ms, max " + percentile(this.grants, 100).toMillis() + " ms");
		}

		private static Duration percentile(List<Duration> values, int percent) {
			List<Duration> sorted = new ArrayList<>(values);
			Collections.sort(sorted);
			int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
			return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
		}

	}

}
