package io.github.permissionmanager.benchmarks.engine;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.github.permissionmanager.benchmarks.data.Datasets;
import io.github.permissionmanager.benchmarks.data.Expectations;
import io.github.permissionmanager.benchmarks.data.GrantData;
import org.casbin.jcasbin.main.CachedEnforcer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * jCasbin 1.99.0 {@link CachedEnforcer} with the RBAC-with-domains model of
 * {@link CasbinPolicies}, its cache warm: every check is asked once (the expectation
 * check) before timing, so every timed check is a hit. Run at every size.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CasbinCachedEnforcerBenchmark {

	@Param({ "10000", "100000", "1000000" })
	int grants;

	private CachedEnforcer enforcer = new CachedEnforcer();

	private Object[][] requests = new Object[0][];

	private int next;

	@Setup
	public void setUp() {
		GrantData data = Datasets.of(this.grants);
		Path[] files = CasbinPolicies.write(data);
		this.enforcer = new CachedEnforcer(files[0].toString(), files[1].toString());
		this.requests = CasbinPolicies.requests(data);
		Expectations.verify("jCasbin CachedEnforcer", data, (i) -> this.enforcer.enforce(this.requests[i]));
	}

	@Benchmark
	public boolean check() {
		return this.enforcer.enforce(this.requests[this.next++ & Datasets.CHECK_MASK]);
	}

}
