package io.github.permissionmanager.benchmarks.engine;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.permissionmanager.benchmarks.data.GrantData;

/**
 * The generated grants as a jCasbin RBAC-with-domains model and policy file. A domain is
 * one event ({@code event:7}); roles are defined once for every domain
 * ({@code p, organizer, *,
 * event:read}); a role grant is a grouping line in its domain
 * ({@code g, user3, organizer,
 * event:7}); a per-object grant is a policy line of the user in its domain
 * ({@code p, user3,
 * event:7, session:update}). So the file holds one line per grant plus one per role
 * permission.
 */
final class CasbinPolicies {

	static final String MODEL = """
			[request_definition]
			r = sub, dom, act

			[policy_definition]
			p = sub, dom, act

			[role_definition]
			g = _, _, _

			[policy_effect]
			e = some(where (p.eft == allow))

			[matchers]
			m = g(r.sub, p.sub, r.dom) && (p.dom == "*" || r.dom == p.dom) && r.act == p.act
			""";

	private CasbinPolicies() {
	}

	/**
	 * Write the model and the policy file.
	 * @param data the grants
	 * @return the model path and the policy path
	 */
	static Path[] write(GrantData data) {
		try {
			Path dir = Files.createTempDirectory("casbin-bench");
			Path model = dir.resolve("rbac_with_domains.conf");
			Path policy = dir.resolve("policy.csv");
			Files.writeString(model, MODEL);
			try (BufferedWriter out = Files.newBufferedWriter(policy, StandardCharsets.UTF_8)) {
				for (Map.Entry<String, List<String>> role : GrantData.ROLES.entrySet()) {
					for (String permission : role.getValue()) {
						out.write("p, " + role.getKey() + ", *, " + permission + "\n");
					}
				}
				for (GrantData.GeneratedGrant grant : data.grants()) {
					if (grant.role()) {
						out.write("g, " + grant.user() + ", " + grant.name() + ", " + domain(grant.event()) + "\n");
					}
					else {
						out.write("p, " + grant.user() + ", " + domain(grant.event()) + ", " + grant.name() + "\n");
					}
				}
			}
			model.toFile().deleteOnExit();
			policy.toFile().deleteOnExit();
			dir.toFile().deleteOnExit();
			return new Path[] { model, policy };
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String domain(int event) {
		return GrantData.RESOURCE_TYPE + ":" + event;
	}

	/**
	 * Each check as the enforcer's request values {@code (sub, dom, act)}.
	 * @param data the checks
	 * @return one array per check
	 */
	static Object[][] requests(GrantData data) {
		List<GrantData.Check> checks = data.checks();
		Object[][] requests = new Object[checks.size()][];
		for (int i = 0; i < checks.size(); i++) {
			GrantData.Check check = checks.get(i);
			requests[i] = new Object[] { check.user(), domain(check.event()), check.permission() };
		}
		return requests;
	}

}
