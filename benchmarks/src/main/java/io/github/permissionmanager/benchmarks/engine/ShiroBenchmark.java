package io.github.permissionmanager.benchmarks.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.permissionmanager.benchmarks.data.Datasets;
import io.github.permissionmanager.benchmarks.data.Expectations;
import io.github.permissionmanager.benchmarks.data.GrantData;
import org.apache.shiro.authz.Permission;
import org.apache.shiro.authz.permission.WildcardPermission;
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
 * Apache Shiro 2.2.1: what
 * {@code AuthorizingRealm.isPermitted(Permission, AuthorizationInfo)} does — loop over
 * the user's {@link WildcardPermission}s until one implies the requested one. Every user
 * holds exactly {@value GrantData#PERMISSIONS_PER_USER} permissions of the form
 * {@code session:update:7} (permission, then event id), parsed before timing, and the
 * requested permissions are parsed before timing too (the cheapest way to use Shiro).
 * Permission lists are built for the users that appear in the checks only, as a realm's
 * authorization cache would hold them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ShiroBenchmark {

	@Param({ "10000", "100000", "1000000" })
	int grants;

	private List<List<Permission>> held = List.of();

	private Permission[] requested = new Permission[0];

	private int next;

	@Setup
	public void setUp() {
		GrantData data = Datasets.of(this.grants);
		Map<String, List<Permission>> byUser = new HashMap<>();
		List<List<Permission>> held = new ArrayList<>();
		List<GrantData.Check> checks = data.checks();
		this.requested = new Permission[checks.size()];
		for (int i = 0; i < checks.size(); i++) {
			GrantData.Check check = checks.get(i);
			held.add(byUser.computeIfAbsent(check.user(), (user) -> permissionsOf(data, user)));
			this.requested[i] = new WildcardPermission(check.permission() + ":" + check.event(), true);
		}
		this.held = held;
		Expectations.verify("Shiro WildcardPermission.implies", data, this::decide);
	}

	private static List<Permission> permissionsOf(GrantData data, String user) {
		List<Permission> permissions = new ArrayList<>();
		for (GrantData.GeneratedGrant grant : data.grantsOf(user)) {
			for (String permission : grant.permissions()) {
				permissions.add(new WildcardPermission(permission + ":" + grant.event(), true));
			}
		}
		if (permissions.size() != GrantData.PERMISSIONS_PER_USER) {
			throw new IllegalStateException(user + " holds " + permissions.size() + " permissions");
		}
		return List.copyOf(permissions);
	}

	private boolean decide(int i) {
		Permission requested = this.requested[i];
		for (Permission permission : this.held.get(i)) {
			if (permission.implies(requested)) {
				return true;
			}
		}
		return false;
	}

	@Benchmark
	public boolean check() {
		return decide(this.next++ & Datasets.CHECK_MASK);
	}

}
