package io.github.permissionmanager.pdptest;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionGrants;
import io.github.permissionmanager.jwttest.TokenIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Services calling the decision point with OAuth2 client-credentials JWTs issued by a
 * real Spring Authorization Server started on a random port: the decision point, a
 * resource server, validates them through the issuer's keys; the client id is the caller,
 * which needs {@code pdp:check}; an expired, tampered or unsigned token is a 401 problem.
 */
@SpringBootTest(classes = PdpTestApplication.class,
		properties = "pdptest.datasource.url=jdbc:h2:mem:pdpjwt;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
@TestPropertySource(locations = "classpath:pdptest/pdp.properties")
class PdpJwtTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	PermissionGrants grants;

	@DynamicPropertySource
	static void issuerUri(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TokenIssuer::url);
	}

	@AfterEach
	void revoke() {
		this.grants.revokeAll(this.grants.permissionsOf(Grantee.user("pdp-caller")));
		this.grants.revokeAll(this.grants.permissionsOf(Grantee.user("bob")));
	}

	@Test
	void aServiceTokenWithPdpCheckIsAnswered() throws Exception {
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:read").on("event", 7));
		String token = TokenIssuer.token(TokenIssuer.url(), "pdp-caller");
		bearer(token).andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail")
				.value("The caller 'pdp-caller' does not hold pdp:check: it may not ask this decision point."));
		this.grants.grant(Grant.of(Grantee.user("pdp-caller"), "pdp:check"));
		bearer(token).andExpect(status().isOk()).andExpect(jsonPath("$.allowed").value(true));
	}

	@Test
	void badTokensAreUnauthorizedProblems() throws Exception {
		this.grants.grant(Grant.of(Grantee.user("pdp-caller"), "pdp:check"));
		String token = TokenIssuer.token(TokenIssuer.url(), "pdp-caller");
		String[] parts = token.split("\\.");
		String tampered = parts[0] + "." + parts[1] + "." + ((parts[2].charAt(5) == 'A')
				? parts[2].replaceFirst(".{5}A", "AAAAAB") : "AAAA" + parts[2].substring(4));
		String unsigned = "eyJhbGciOiJub25lIn0." + parts[1] + ".";
		for (String bad : new String[] { tampered, unsigned, TokenIssuer.token(TokenIssuer.url(), "expired"),
				"not-a-jwt" }) {
			bearer(bad).andExpect(status().isUnauthorized())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value("The credentials sent are not valid."));
		}
	}

	@Test
	void withBothConfiguredThe401NamesBoth() throws Exception {
		this.mvc
			.perform(post("/pdp/v1/check").contentType(MediaType.APPLICATION_JSON)
				.content(PdpServerTests.check("bob", "event:read", "event", "7")))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Bearer"))
			.andExpect(jsonPath("$.detail")
				.value("Authenticate as a service: send a bearer token or an API key in the X-Api-Key header."));
		this.mvc
			.perform(post("/pdp/v1/check").header("X-Api-Key", PdpServerTests.BILLING)
				.header("Authorization", "Bearer abc")
				.contentType(MediaType.APPLICATION_JSON)
				.content(PdpServerTests.check("bob", "event:read", "event", "7")))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value("Send an API key or a bearer token, not both."));
	}

	private ResultActions bearer(String token) throws Exception {
		return this.mvc.perform(post("/pdp/v1/check").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(PdpServerTests.check("bob", "event:read", "event", "7")));
	}

}
