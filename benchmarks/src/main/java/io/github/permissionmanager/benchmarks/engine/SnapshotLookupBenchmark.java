package io.github.permissionmanager.benchmarks.engine;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.github.permissionmanager.Subject;
import io.github.permissionmanager.benchmarks.data.Datasets;
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
 * A breakdown of the cached check, not a contender: finding the subject's snapshot alone
 * ({@link GrantSnapshotCache#groups(Subject)}: the trust check and TTL with their one
 * {@code System.nanoTime()}, Caffeine's {@code getIfPresent}, the version check), for the
 * same subjects as {@link PermissionManagerCachedBenchmark}, without matching a
 * permission. The cached check minus this is the permission's parse-cache lookup, the
 * trie match and the decision path.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SnapshotLookupBenchmark {

	@Param({ "10000" })
	int grants;

	private PermissionManagerEngine engine;

	private GrantSnapshotCache cache;

	private Subject[] subjects;

	private int next;

	@Setup(Level.Trial)
	public void setUp() {
		GrantData data = Datasets.of(this.grants);
		this.engine = PermissionManagerEngine.start(data, "lookup" + this.grants);
		this.cache = this.engine.bean(GrantSnapshotCache.class);
		List<GrantData.Check> checks = data.checks();
		this.subjects = new Subject[checks.size()];
		for (int i = 0; i < checks.size(); i++) {
			this.subjects[i] = Subject.of(checks.get(i).user());
			this.cache.groups(this.subjects[i]);
		}
		if (this.cache.size() == 0) {
			throw new IllegalStateException("no snapshot was cached");
		}
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.engine.close();
	}

	@Benchmark
	public Set<String> check() {
		return this.cache.groups(this.subjects[this.next++ & Datasets.CHECK_MASK]);
	}

}
