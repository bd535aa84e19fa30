package io.github.permissionmanager.benchmarks.engine;

import java.util.concurrent.TimeUnit;

import io.github.permissionmanager.benchmarks.data.Datasets;
import io.github.permissionmanager.benchmarks.data.Expectations;
import io.github.permissionmanager.benchmarks.data.GrantData;
import io.github.permissionmanager.decide.GrantSnapshotCache;
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
 * Permission Manager's cold check: the per-subject cache is cleared
 * ({@link GrantSnapshotCache#invalidateAll()}) before every check, so each
 * {@code PermissionManager.check} reads the subject's grants from the JDBC store (H2 in
 * memory) and builds its snapshot again. The clearing is inside the timed method, so the
 * figure is a little above a real cold load: a Caffeine {@code invalidateAll} of a
 * one-entry cache and a scan of the decision memo's slots (8,192 by default; about 5 % of
 * the cold check's profile samples), small next to the query.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PermissionManagerColdBenchmark {

	@Param({ "10000", "100000", "1000000" })
	int grants;

	private PermissionManagerEngine engine;

	private GrantSnapshotCache cache;

	private int next;

	@Setup(Level.Trial)
	public void setUp() {
		GrantData data = Datasets.of(this.grants);
		this.engine = PermissionManagerEngine.start(data, "cold" + this.grants);
		this.cache = this.engine.bean(GrantSnapshotCache.class);
		Expectations.verify("Permission Manager, cold", data, this::coldCheck);
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.engine.close();
	}

	private boolean coldCheck(int i) {
		this.cache.invalidateAll();
		return this.engine.check(i);
	}

	@Benchmark
	public boolean check() {
		return coldCheck(this.next++ & Datasets.CHECK_MASK);
	}

}
