package io.github.permissionmanager.benchmarks.engine;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A breakdown of the cached check, not a contender: one {@code System.nanoTime()}, which
 * every cached check reads once (the cross-instance trust bound and the cache TTL share
 * it). On a virtual machine it can cost more than the whole {@code HashMap} floor.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ClockReadBenchmark {

	// a parameter like the other engine cases, so the report puts it in their table
	@Param({ "10000" })
	int grants;

	@Benchmark
	public long check() {
		return System.nanoTime();
	}

}
