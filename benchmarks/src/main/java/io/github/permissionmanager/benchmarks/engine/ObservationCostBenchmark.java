package io.github.permissionmanager.benchmarks.engine;

import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.permissionmanager.benchmarks.data.Datasets;
import io.github.permissionmanager.benchmarks.data.Expectations;
import io.github.permissionmanager.benchmarks.data.GrantData;
import io.github.permissionmanager.decide.DecisionService;
import io.github.permissionmanager.observation.ObservedPermissionEvaluator;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
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
 * What Micrometer's observation costs a cached check: the same cached
 * {@code PermissionManager.check} as {@link PermissionManagerCachedBenchmark} (10k
 * grants) with no {@code ObservationRegistry} bean ({@code none}), with
 * {@code ObservationRegistry.NOOP} ({@code noop}), with a registry that has no handler
 * ({@code handlerless}: what an application gets from Micrometer without Actuator's
 * handlers), and with a registry whose one handler takes every observation and does
 * nothing with it ({@code observed}: the observation's own cost, without any meter or
 * tracer behind it). The first three must not differ: the library does not observe
 * decisions through a registry that would record nothing, and a cached allow allocates
 * nothing. Before timing, the setup says whether the decision service observes (it fails
 * when a registry that records nothing is observed, or one that records is not).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ObservationCostBenchmark {

	@Param({ "10000" })
	int grants;

	@Param({ "none", "noop", "handlerless", "observed" })
	String registry;

	private PermissionManagerEngine engine;

	private int next;

	private long observed;

	@Setup(Level.Trial)
	public void setUp() {
		GrantData data = Datasets.of(this.grants);
		ObservationRegistry bean = switch (this.registry) {
			case "none" -> null;
			case "noop" -> ObservationRegistry.NOOP;
			case "handlerless" -> ObservationRegistry.create();
			case "observed" -> observed();
			default -> throw new IllegalArgumentException("registry " + this.registry);
		};
		this.engine = PermissionManagerEngine.start(data, "observation" + this.registry + this.grants, List.of(),
				(context) -> {
					if (bean != null) {
						context.getBeanFactory().registerSingleton("observationRegistry", bean);
					}
				});
		Expectations.verify("Permission Manager, cached, observation registry " + this.registry, data,
				this.engine::check);
		boolean wrapped = observedEvaluator();
		boolean observes = wrapped && this.observed > 0;
		if (wrapped != "observed".equals(this.registry) || observes != wrapped) {
			throw new IllegalStateException("registry " + this.registry + ": the decision service "
					+ (wrapped ? "observes" : "does not observe") + " decisions (" + this.observed + " observations)");
		}
		System.out.printf("# observation registry %s: decisions %s (%,d observations during the expectation check)%n",
				this.registry, observes ? "observed" : "not observed", this.observed);
	}

	// whether the decision service asks the evaluator through an observation
	private boolean observedEvaluator() {
		try {
			Field evaluator = DecisionService.class.getDeclaredField("evaluator");
			evaluator.setAccessible(true);
			return evaluator.get(this.engine.bean(DecisionService.class)) instanceof ObservedPermissionEvaluator;
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot tell whether decisions are observed", ex);
		}
	}

	private ObservationRegistry observed() {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<Observation.Context>() {

			@Override
			public void onStop(Observation.Context context) {
				ObservationCostBenchmark.this.observed++;
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

		});
		return registry;
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
