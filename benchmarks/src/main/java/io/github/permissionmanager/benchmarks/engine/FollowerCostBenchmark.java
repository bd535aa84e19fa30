package io.github.permissionmanager.benchmarks.engine;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.permissionmanager.benchmarks.data.Datasets;
import io.github.permissionmanager.benchmarks.data.Expectations;
import io.github.permissionmanager.benchmarks.data.GrantData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What following the change log costs a cached check: the same cached
 * {@code PermissionManager.check} as {@link PermissionManagerCachedBenchmark}, with the
 * follower polling every 500 ms and bounding the cache's trust
 * ({@code permission-manager.cache.sync.mode=poll}, the default) and without it
 * ({@code none}). The difference is the trust check on the hot path: no query, no lock.
 * {@code max-staleness} is long here so that a poll delayed by a busy machine never turns
 * cached checks into store reads in the middle of a measurement.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FollowerCostBenchmark {

	@Param({ "10000" })
	int grants;

	@Param({ "poll", "none" })
	String sync;

	private PermissionManagerEngine engine;

	private int next;

	@Setup(Level.Trial)
	public void setUp() {
		GrantData data = Datasets.of(this.grants);
		this.engine = PermissionManagerEngine.start(data, "follower" + this.sync + this.grants, List
			.of("permission-manager.cache.sync.mode=" + this.sync, "permission-manager.cache.sync.max-staleness=1h"));
		Expectations.verify("Permission Manager, cached, sync " + this.sync, data, this.engine::check);
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.engine.close();
	}

	@Benchmark
	public boolean check() {
		return this.engine.check(this.next++ & Datasets.CHECK_MASK);
	}

}
