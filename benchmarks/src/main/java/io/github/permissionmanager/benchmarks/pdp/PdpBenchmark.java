package io.github.permissionmanager.benchmarks.pdp;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.permissionmanager.Decision;
import io.github.permissionmanager.PermissionRequest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A check through a decision point on loopback against a local cached check, each call
 * timed on its own ({@link Mode#SampleTime}: p50 and p99):
 * {@code PermissionManager.check} on the decision point itself (its grant snapshot
 * cached), on a service whose client caches decisions (warm), and on one that asks the
 * decision point every time (one HTTP round trip per check); and 100 checks through the
 * uncached client, in one {@code check/bulk} ({@code evaluateAll}) against one call each
 * ({@code evaluate}). The answers are verified against the local store before timing
 * ({@link PdpWorld#verify()}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PdpBenchmark {

	private static final int BATCH = 100;

	private PdpWorld world;

	private List<PermissionRequest> batch;

	private int next;

	@Setup(Level.Trial)
	public void setUp() {
		this.world = new PdpWorld();
		this.world.verify();
		this.batch = List.of(Arrays.copyOf(this.world.requests, BATCH));
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.world.close();
	}

	@Benchmark
	public boolean localCached() {
		return this.world.check(this.world.local, this.next++ & PdpWorld.CHECK_MASK);
	}

	@Benchmark
	public boolean remoteCached() {
		return this.world.check(this.world.remoteCached, this.next++ & PdpWorld.CHECK_MASK);
	}

	@Benchmark
	public boolean remoteUncached() {
		return this.world.check(this.world.remoteUncached, this.next++ & PdpWorld.CHECK_MASK);
	}

	@Benchmark
	public int bulkOf100() {
		return allowed(this.world.uncachedEvaluator.evaluateAll(this.batch));
	}

	@Benchmark
	public int singleCalls100() {
		int allowed = 0;
		for (PermissionRequest request : this.batch) {
			allowed += this.world.uncachedEvaluator.evaluate(request).allowed() ? 1 : 0;
		}
		return allowed;
	}

	private static int allowed(List<Decision> decisions) {
		int allowed = 0;
		for (Decision decision : decisions) {
			if (decision == null) {
				throw new IllegalStateException("the decision point left a check of the bulk unanswered");
			}
			allowed += decision.allowed() ? 1 : 0;
		}
		return allowed;
	}

}
