package io.github.permissionmanager.benchmarks.engine;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.github.permissionmanager.benchmarks.data.Datasets;
import io.github.permissionmanager.benchmarks.data.Expectations;
import io.github.permissionmanager.benchmarks.data.GrantData;
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
 * The floor: a {@code HashMap<String, Set<String>>} from user to the
 * {@code permission@event} keys it holds (roles expanded up front), with each check's key
 * built before timing. No engine can answer faster than one hash lookup and one set
 * probe.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class HashMapFloorBenchmark {

	@Param({ "10000", "100000", "1000000" })
	int grants;

	private final Map<String, Set<String>> permissions = new HashMap<>();

	private String[] users = new String[0];

	private String[] keys = new String[0];

	private int next;

	@Setup
	public void setUp() {
		GrantData data = Datasets.of(this.grants);
		for (GrantData.GeneratedGrant grant : data.grants()) {
			Set<String> held = this.permissions.computeIfAbsent(grant.user(), (user) -> new HashSet<>());
			for (String permission : grant.permissions()) {
				held.add(key(permission, grant.event()));
			}
		}
		List<GrantData.Check> checks = data.checks();
		this.users = new String[checks.size()];
		this.keys = new String[checks.size()];
		for (int i = 0; i < checks.size(); i++) {
			this.users[i] = checks.get(i).user();
			this.keys[i] = key(checks.get(i).permission(), checks.get(i).event());
		}
		Expectations.verify("HashMap floor", data, this::decide);
	}

	private static String key(String permission, int event) {
		return permission + "@" + event;
	}

	private boolean decide(int i) {
		Set<String> held = this.permissions.get(this.users[i]);
		return held != null && held.contains(this.keys[i]);
	}

	@Benchmark
	public boolean check() {
		return decide(this.next++ & Datasets.CHECK_MASK);
	}

}
