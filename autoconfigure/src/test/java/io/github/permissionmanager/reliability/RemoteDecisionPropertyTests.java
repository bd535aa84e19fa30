package io.github.permissionmanager.reliability;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.github.permissionmanager.Decision;
import io.github.permissionmanager.Grant;
import io.github.permissionmanager.PermissionGrants;
import io.github.permissionmanager.PermissionManager;
import io.github.permissionmanager.pdpclienttest.Apps;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based, over HTTP: the random worlds of {@link DecisionPropertyTests} written
 * into a decision point's store, and random checks asked by another application through
 * its remote evaluator; every answer must be the reference's ({@link ReferenceDecisions},
 * a plain reading of DESIGN.md §6), and a real decision, not a failure. Expiry is moved
 * to the real clock the decision point reads.
 */
class RemoteDecisionPropertyTests {

	@Test
	void aServiceAskingADecisionPointAgreesWithTheReference() throws IOException {
		List<String> roles = new ArrayList<>();
		DecisionPropertyTests.ROLES.forEach(
				(role, entries) -> roles.add("permission-manager.roles." + role + "=" + String.join(",", entries)));
		Random random = new Random(DecisionPropertyTests.SEED + 18);
		int checks = 0;
		try (ConfigurableApplicationContext pdp = Apps.decisionPoint("remote-properties", roles.toArray(String[]::new));
				ConfigurableApplicationContext service = Apps.service("http://127.0.0.1:" + Apps.port(pdp) + "/pdp",
						"permission-manager.pdp.client.cache-ttl=0",
						"spring.datasource.url=jdbc:h2:mem:remote-properties-service;DB_CLOSE_DELAY=-1")) {
			PermissionGrants grants = pdp.getBean(PermissionGrants.class);
			grants.grant(Grant.of(io.github.permissionmanager.Grantee.user("billing"), "pdp:check"));
			PermissionManager remote = service.getBean(PermissionManager.class);
			for (int world = 0; world < 20; world++) {
				DecisionPropertyTests.World w = DecisionPropertyTests.World.random(random);
				Instant now = Instant.now();
				List<Grant> inForce = new ArrayList<>();
				for (Grant grant : w.grants()) {
					inForce.add((grant.expiresAt() != null)
							? grant.until(now.plus(Duration.between(DecisionPropertyTests.NOW, grant.expiresAt())))
							: grant);
				}
				grants.grantAll(inForce);
				w.memberships().forEach((user, groups) -> groups.forEach((group) -> grants.addMember(group, user)));
				ReferenceDecisions reference = new ReferenceDecisions(inForce, w.memberships(),
						DecisionPropertyTests.ROLES, now);
				for (int i = 0; i < 20; i++) {
					DecisionPropertyTests.Check check = DecisionPropertyTests.Check.random(random);
					Decision decision = remote.explain(check.subject(), check.permission(), check.resource());
					assertThat(decision.reason()).as("a decision, not a failure: %s", check).isIn("allowed", "denied");
					assertThat(decision.allowed()).as("world %d: %s%n%s", world, check, w)
						.isEqualTo(reference.allows(check.subject(), check.permission(), check.resource()));
					checks++;
				}
				grants.revokeAll(inForce);
				for (Map.Entry<String, Set<String>> membership : w.memberships().entrySet()) {
					membership.getValue().forEach((group) -> grants.removeMember(group, membership.getKey()));
				}
			}
		}
		assertThat(checks).isEqualTo(400);
	}

}
