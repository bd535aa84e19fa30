package io.github.permissionmanager.benchmarks.engine;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.github.permissionmanager.benchmarks.data.Datasets;
import io.github.permissionmanager.benchmarks.data.GrantData;
import io.github.permissionmanager.decide.SubjectGrants;
import io.github.permissionmanager.decide.SubjectGrantsLoader;
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
 * A breakdown of the cold check, not a contender: the store's load of one subject alone
 * (the {@link SubjectGrantsLoader} bean: its one query, with the store's timeout, and its
 * rows mapped to grants), without building a snapshot. Between
 * {@link StoreQueryBenchmark} (the query through plain JDBC) and
 * {@link PermissionManagerColdBenchmark} (the load, the snapshot build and the check).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class StoreLoadBenchmark {

	@Param({ "10000", "100000", "1000000" })
	int grants;

	private PermissionManagerEngine engine;

	private SubjectGrantsLoader loader;

	private String[] users;

	private int next;

	@Setup(Level.Trial)
	public void setUp() {
		GrantData data = Datasets.of(this.grants);
		this.engine = PermissionManagerEngine.start(data, "load" + this.grants);
		this.loader = this.engine.bean(SubjectGrantsLoader.class);
		List<GrantData.Check> checks = data.checks();
		this.users = new String[checks.size()];
		for (int i = 0; i < checks.size(); i++) {
			this.users[i] = checks.get(i).user();
			int loaded = this.loader.load(this.users[i], Set.of()).grants().size();
			int expected = data.grantsOf(this.users[i]).size();
			if (loaded != expected) {
				throw new IllegalStateException(
						"the store loaded " + loaded + " grants for " + this.users[i] + ", not " + expected);
			}
		}
		System.out.println("Store load alone: all 1024 users loaded with the grants they hold");
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.engine.close();
	}

	@Benchmark
	public SubjectGrants check() {
		return this.loader.load(this.users[this.next++ & Datasets.CHECK_MASK], Set.of());
	}

}
