package io.github.permissionmanager.jwttest;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTParser;
import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionGrants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Real JWTs through {@code oauth2ResourceServer().jwt()}: a Spring Authorization Server
 * started on a random port issues signed access tokens (client credentials) with
 * {@code groups} and {@code tenant} claims; the guarded application validates them
 * through the issuer's JWK set. Groups come from {@code permission-manager.groups.claim},
 * the tenant from {@code permission-manager.tenant.claim}; every bridge reads them alike.
 */
@SpringBootTest(classes = JwtTestApplication.class)
@AutoConfigureMockMvc
@TestPropertySource(locations = "classpath:jwttest/jwt.properties")
class JwtResourceServerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	PermissionGrants grants;

	@DynamicPropertySource
	static void issuerUri(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TokenIssuer::url);
	}

	@AfterEach
	void tearDown() {
		this.grants.revokeAll(this.grants.permissionsOf(Grantee.group("readers")));
		this.grants.revokeAll(this.grants.permissionsOf(Grantee.user("outsider")));
	}

	@Test
	void groupGrantAllowsThroughTheGroupsClaimOnEveryBridge() throws Exception {
		this.grants.grant(Grant.of(Grantee.group("readers"), "board:read").on("board", 5));
		String token = token("ci-bot");
		for (String path : List.of("/boards/5", "/boards/5/cards", "/boards/5/export")) {
			bearer(path, token).andExpect(status().isOk());
		}
		for (String path : List.of("/boards/6", "/boards/6/cards", "/boards/6/export")) {
			bearer(path, token).andExpect(status().isForbidden())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.missingPermissions[0]").value("board:read"))
				.andExpect(jsonPath("$.resource.id").value("6"));
		}
	}

	@Test
	void tokenWithoutTheGroupIsDeniedAndItsSubjectIsTheName() throws Exception {
		this.grants.grant(Grant.of(Grantee.group("readers"), "board:read").on("board", 5));
		String token = token("outsider");
		bearer("/boards/5", token).andExpect(status().isForbidden());
		this.grants.grant(Grant.of(Grantee.user("outsider"), "board:read").on("board", 5));
		bearer("/boards/5", token).andExpect(status().isOk());
	}

	@Test
	void tenantClaimScopesTheCheck() throws Exception {
		this.grants.grant(Grant.of(Grantee.group("readers"), "board:read").on("board", 5).inTenant("acme"));
		bearer("/boards/5", token("ci-bot")).andExpect(status().isOk());
		bearer("/boards/5/cards", token("ci-bot")).andExpect(status().isOk());
		bearer("/boards/5", token("globex-bot")).andExpect(status().isForbidden());
		bearer("/boards/5/export", token("globex-bot")).andExpect(status().isForbidden());
	}

	@Test
	void tenantClaimThatDisagreesWithThePathOrAHeaderIsForbidden() throws Exception {
		this.grants.grant(Grant.of(Grantee.group("readers"), "board:read").on("board", 5));
		String acme = token("ci-bot");
		bearer("/tenants/acme/boards/5", acme).andExpect(status().isOk());
		bearer("/tenants/globex/boards/5", acme).andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc
			.perform(get("/boards/5").header(HttpHeaders.AUTHORIZATION, "Bearer " + acme).header("X-Tenant", "globex"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(get("/boards/5/cards").header(HttpHeaders.AUTHORIZATION, "Bearer " + acme)
				.header("X-Tenant", "globex"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(get("/boards/5/export").header(HttpHeaders.AUTHORIZATION, "Bearer " + acme)
				.header("X-Tenant", "globex"))
			.andExpect(status().isForbidden());
		bearer("/tenants/globex/boards/5", token("globex-bot")).andExpect(status().isOk());
	}

	@Test
	void tokenWithoutSubIsUnauthenticatedOnEveryBridge() throws Exception {
		// its group holds the grant: only the missing subject stands in the way
		this.grants.grant(Grant.of(Grantee.group("readers"), "board:read").on("board", 5));
		String token = token("nameless");
		assertThat(claims(token)).doesNotContainKey("sub").containsKey("groups");
		for (String path : List.of("/boards/5", "/boards/5/cards", "/boards/5/export")) {
			bearer(path, token).andExpect(status().isUnauthorized())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		}
	}

	@Test
	void expiredTokenIsUnauthenticated() throws Exception {
		this.grants.grant(Grant.of(Grantee.group("readers"), "board:read").on("board", 5));
		String token = token("expired");
		assertThat(JWTParser.parse(token).getJWTClaimsSet().getExpirationTime()).isInThePast();
		for (String path : List.of("/boards/5", "/boards/5/cards", "/boards/5/export")) {
			bearer(path, token).andExpect(status().isUnauthorized())
				.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("invalid_token")));
		}
	}

	@Test
	void badlySignedTokensAreUnauthenticated() throws Exception {
		this.grants.grant(Grant.of(Grantee.group("readers"), "board:read").on("board", 5));
		this.grants.grant(Grant.of(Grantee.user("admin"), "board:read"));
		String token = token("outsider");
		bearer("/boards/5", token).andExpect(status().isForbidden());
		String[] parts = token.split("\\.");
		// the payload rewritten to claim a group and another subject, the signature kept
		String forged = parts[0] + "."
				+ encode(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
					.replace("\"sub\":\"outsider\"", "\"sub\":\"admin\",\"groups\":[\"readers\"]"))
				+ "." + parts[2];
		assertThat(claims(forged)).containsEntry("sub", "admin");
		// the signature of another token
		String[] other = token("ci-bot").split("\\.");
		String swapped = parts[0] + "." + parts[1] + "." + other[2];
		// no signature at all
		String unsigned = encode("{\"alg\":\"none\"}") + "." + encode("{\"sub\":\"admin\",\"iss\":\""
				+ TokenIssuer.url() + "\",\"exp\":" + Instant.now().plusSeconds(600).getEpochSecond() + "}") + ".";
		for (String bad : List.of(forged, swapped, unsigned, foreignSigned())) {
			for (String path : List.of("/boards/5", "/boards/5/cards", "/boards/5/export")) {
				bearer(path, bad).andExpect(status().isUnauthorized());
			}
		}
	}

	@Test
	void requestWithoutATokenIsUnauthenticated() throws Exception {
		this.mvc.perform(get("/boards/5"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/boards/5/cards")).andExpect(status().isUnauthorized());
	}

	private ResultActions bearer(String path, String token) throws Exception {
		return this.mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
	}

	// a token of the right issuer and subject, signed by a key the issuer never published
	private static String foreignSigned() throws Exception {
		RSAKey key = new RSAKeyGenerator(2048).keyID("issuer-key").generate();
		NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
		Instant now = Instant.now();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(TokenIssuer.url())
			.subject("admin")
			.claim("groups", List.of("readers"))
			.issuedAt(now)
			.expiresAt(now.plusSeconds(600))
			.build();
		return encoder
			.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).keyId("issuer-key").build(),
					claims))
			.getTokenValue();
	}

	@SuppressWarnings("unchecked")
	private static String token(String client) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", "client_credentials");
		Map<String, Object> response = RestClient.create()
			.post()
			.uri(TokenIssuer.url() + "/oauth2/token")
			.headers((headers) -> headers.setBasicAuth(client, TokenIssuer.secret(client)))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form)
			.retrieve()
			.body(Map.class);
		assertThat(response).containsKey("access_token");
		return (String) response.get("access_token");
	}

	private static Map<String, Object> claims(String token) throws ParseException {
		return JWTParser.parse(token).getJWTClaimsSet().getClaims();
	}

	private static String encode(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

}
