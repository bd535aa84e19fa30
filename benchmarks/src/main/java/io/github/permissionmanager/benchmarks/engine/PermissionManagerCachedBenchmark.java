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
 * Permission Manager's cached check: {@code PermissionManager.check(subject, permission,
 * resource)} with the default evaluator and its per-subject cache warm (every check asked
 * once, by the expectation check, before timing). The whole public path is timed: the
 * decision service, the evaluator, the cache lookup and the decision event.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PermissionManagerCachedBenchmark {

	@Param({ "10000", "100000", "1000000" })
	int grants;

	private PermissionManagerEngine engine;

	private int next;

	@Setup(Level.Trial)
	public void setUp() {
		GrantData data = Datasets.of(this.grants);
		this.engine = PermissionManagerEngine.start(data, name() + this.grants, properties());
		Expectations.verify(label(), data, this.engine::check);
	}

	/** The name of the in-memory database, before the size. */
	String name() {
		return "cached";
	}

	/** The label of the expectation check's log line. */
	String label() {
		return "Permission Manager, cached";
	}

	/** More properties of the context, {@code name=value}. */
	List<String> properties() {
		return List.of();
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
