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
 * A breakdown of the cached check, not a contender:
 * {@link PermissionManagerCachedBenchmark} with the memo of recent answers off
 * ({@code permission-manager.cache.memo-size=0}), so every check finds its snapshot in
 * Caffeine and walks it, as a check whose answer is not in the memo does (such a check
 * also looks in the memo first and puts its answer after). The cached check against this
 * row is what the memo saves.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SnapshotWalkBenchmark {

	@Param({ "10000", "100000", "1000000" })
	int grants;

	private PermissionManagerEngine engine;

	private int next;

	@Setup(Level.Trial)
	public void setUp() {
		GrantData data = Datasets.of(this.grants);
		this.engine = PermissionManagerEngine.start(data, "walk" + this.grants,
				List.of("permission-manager.cache.memo-size=0"));
		Expectations.verify("Permission Manager, cached, memo off", data, this.engine::check);
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
