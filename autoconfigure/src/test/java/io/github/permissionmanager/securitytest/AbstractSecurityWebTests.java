package io.github.permissionmanager.securitytest;

import java.util.List;

import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionGrants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A MockMvc test of the Spring Security test application with its properties. Each test
 * starts with no call recorded and a working evaluator, and leaves no grant behind: the
 * grants of the users and groups these tests grant to, and carol's membership of
 * reviewers, are removed after each.
 */
@SpringBootTest(classes = SecurityTestApplication.class)
@AutoConfigureMockMvc
@TestPropertySource(locations = "classpath:securitytest/security.properties")
abstract class AbstractSecurityWebTests {

	private static final List<Grantee> GRANTEES = List.of(Grantee.user("bob"), Grantee.user("carol"),
			Grantee.user("dave"), Grantee.group("reviewers"), Grantee.group("readers"));

	@Autowired
	MockMvc mvc;

	@Autowired
	PermissionGrants grants;

	@Autowired
	Calls calls;

	@Autowired
	BreakableEvaluator evaluator;

	@BeforeEach
	void resetCalls() {
		this.calls.reset();
	}

	@AfterEach
	void removeGrants() {
		this.evaluator.broken(false);
		for (Grantee grantee : GRANTEES) {
			this.grants.revokeAll(this.grants.permissionsOf(grantee));
		}
		this.grants.removeMember("reviewers", "carol");
	}

}
