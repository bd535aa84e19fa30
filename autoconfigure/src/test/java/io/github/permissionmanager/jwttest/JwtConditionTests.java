package io.github.permissionmanager.jwttest;

import java.util.List;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionGrants;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.PermissionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Grant conditions over the claims of real signed JWTs, on every bridge
 * ({@code @RequiresPermissions}, a request rule, {@code hasPermission}): a condition
 * reads the claims as the subject's attributes; one that fails, reads a claim the token
 * does not carry or answers no boolean refuses with a 403 problem, never a 500. And
 * permissions carried in the token's {@code permissions} claim
 * ({@code permission-manager.jwt.permissions-claim}), global grants united with the
 * store's.
 */
@SpringBootTest(classes = JwtTestApplication.class)
@AutoConfigureMockMvc
@TestPropertySource(locations = "classpath:jwttest/jwt.properties",
		properties = { "spring.datasource.url=jdbc:h2:mem:jwt-conditions;DB_CLOSE_DELAY=-1",
				"permission-manager.jwt.permissions-claim=permissions" })
class JwtConditionTests {

	private static final List<String> BRIDGES = List.of("/boards/5", "/boards/5/cards", "/boards/5/export");

	@Autowired
	MockMvc mvc;

	@Autowired
	PermissionGrants grants;

	@Autowired
	PermissionManager permissions;

	@DynamicPropertySource
	static void issuerUri(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TokenIssuer::url);
	}

	@AfterEach
	void tearDown() {
		this.grants.revokeAll(this.grants.permissionsOf(Grantee.group("readers")));
	}

	@Test
	void conditionOverAClaimAllowsTheTokenThatCarriesItAndRefusesTheOther() throws Exception {
		this.grants
			.grant(Grant.of(Grantee.group("readers"), "board:read").on("board").when("subject.tenant == 'acme'"));
		String acme = TokenIssuer.token(TokenIssuer.url(), "ci-bot");
		String globex = TokenIssuer.token(TokenIssuer.url(), "globex-bot");
		for (String path : BRIDGES) {
			bearer(path, acme).andExpect(status().isOk());
			bearer(path, globex).andExpect(status().isForbidden())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.missingPermissions[0]").value("board:read"));
		}
	}

	@Test
	void conditionThatFailsReadsAMissingClaimOrAnswersNoBooleanRefusesWithA403NeverA500() throws Exception {
		this.grants.grantAll(List.of(
				Grant.of(Grantee.group("readers"), "board:read").on("board").when("subject.tenant.substring(99) == ''"),
				Grant.of(Grantee.group("readers"), "board:read").on("board").when("subject.department == 'eng'"),
				Grant.of(Grantee.group("readers"), "board:read").on("board").when("subject.tenant")));
		String acme = TokenIssuer.token(TokenIssuer.url(), "ci-bot");
		for (String path : BRIDGES) {
			bearer(path, acme).andExpect(status().isForbidden())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		}
		// the same grants with a condition that holds: the refusal above was the
		// conditions'
		this.grants.grant(Grant.of(Grantee.group("readers"), "board:read").on("board").when("subject.tenant != null"));
		for (String path : BRIDGES) {
			bearer(path, acme).andExpect(status().isOk());
		}
	}

	@Test
	void permissionsOfTheTokensClaimAllowOnEveryBridgeAndNoOtherToken() throws Exception {
		String claims = TokenIssuer.token(TokenIssuer.url(), "claims-bot");
		String acme = TokenIssuer.token(TokenIssuer.url(), "ci-bot");
		for (String path : List.of("/boards/5", "/boards/6/cards", "/boards/7/export", "/tenants/acme/boards/8")) {
			bearer(path, claims).andExpect(status().isOk());
			bearer(path, acme).andExpect(status().isForbidden());
		}
		// the claim's permissions and the store's grants are united
		this.grants.grant(Grant.of(Grantee.group("readers"), "board:read").on("board", 9));
		bearer("/boards/9", acme).andExpect(status().isOk());
		bearer("/boards/9", claims).andExpect(status().isOk());
	}

	private ResultActions bearer(String path, String token) throws Exception {
		return this.mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
	}

	@Test
	void aProgrammaticSubjectCarryingThePermissionsClaimAsAnAttributeGetsNothingFromIt() {
		// claims-bot's token carries board:read in its permissions claim; a subject built
		// in code with that attribute (from a request body, say) is not its token
		Subject forged = Subject.of("claims-bot").withAttribute("permissions", List.of("board:read", "card:*"));
		assertThat(this.permissions.check(forged, "board:read", Resource.of("board", 5))).isFalse();
		assertThat(this.permissions.explain(forged, "card:update", null).allowed()).isFalse();
	}

}
