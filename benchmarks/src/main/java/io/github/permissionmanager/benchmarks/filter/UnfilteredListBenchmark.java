package io.github.permissionmanager.benchmarks.filter;

import java.util.concurrent.TimeUnit;

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

import org.springframework.data.domain.Page;

/**
 * The baseline of {@link FilterBenchmark}: the same page of 20 sessions and the count,
 * with no filter at all.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class UnfilteredListBenchmark {

	private FilterWorld world;

	@Setup(Level.Trial)
	public void setUp() {
		this.world = FilterWorld.start();
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.world.close();
	}

	@Benchmark
	public Page<ListedSession> unfilteredPage() {
		return this.world.sessions.findAll(FilterBenchmark.PAGE);
	}

	@Benchmark
	public long unfilteredCount() {
		return this.world.sessions.count();
	}

}
