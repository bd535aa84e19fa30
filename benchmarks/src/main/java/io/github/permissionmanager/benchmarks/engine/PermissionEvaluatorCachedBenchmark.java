package io.github.permissionmanager.benchmarks.engine;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.permissionmanager.Decision;
import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.PermissionEvaluator;
import io.github.permissionmanager.PermissionRequest;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
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
 * A breakdown of the cached check, not a contender: the default
 * {@link PermissionEvaluator} bean alone, asked with {@link PermissionRequest}s built
 * before timing — what {@code PermissionManager.check} costs without the decision service
 * around it (no decision event, no debug log call). The difference to
 * {@link PermissionManagerCachedBenchmark} is what that layer costs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PermissionEvaluatorCachedBenchmark {

	@Param({ "10000" })
	int grants;

	private PermissionManagerEngine engine;

	private PermissionEvaluator evaluator;

	private PermissionRequest[] requests;

	private int next;

	@Setup(Level.Trial)
	public void setUp() {
		GrantData data = Datasets.of(this.grants);
		this.engine = PermissionManagerEngine.start(data, "evaluator" + this.grants);
		this.evaluator = this.engine.bean(PermissionEvaluator.class);
		List<GrantData.Check> checks = data.checks();
		this.requests = new PermissionRequest[checks.size()];
		for (int i = 0; i < checks.size(); i++) {
			GrantData.Check check = checks.get(i);
			this.requests[i] = new PermissionRequest(Subject.of(check.user()), check.permission(),
					Resource.of(GrantData.RESOURCE_TYPE, check.event()), PermissionContext.empty());
		}
		Expectations.verify("Permission Manager, evaluator bean alone", data, this::decide);
	}

	private boolean decide(int i) {
		Decision decision = this.evaluator.evaluate(this.requests[i]);
		return decision != null && decision.allowed();
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.engine.close();
	}

	@Benchmark
	public boolean check() {
		return decide(this.next++ & Datasets.CHECK_MASK);
	}

}
