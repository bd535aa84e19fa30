package io.github.permissionmanager.connecttest;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import io.github.permissionmanager.ConnectionSignedOutEvent.Revocation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connections end to end, against a real Spring Authorization Server and a resource API
 * that checks the bearer token, both in an application of their own on a random port: the
 * authorization-code flow, a missing connection and a missing scope, an expired token
 * refreshed, a refresh the provider refuses, a provider that does not answer, sign-out
 * with revocation, and tokens encrypted at rest and never logged.
 */
class ConnectionFlowTests extends ConnectionTestBase {

	@Test
	void withoutTheConnectionTheCallIsRefusedWithWhereToSignInAndTheMethodDoesNotRun() throws Exception {
		Browser bob = new Browser(app(), "bob");
		HttpResponse<String> refused = bob.appSend("POST", "/sessions/1/calendar", null);
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = this.json.readTree(refused.body());
		assertThat(problem.get("detail").asString()).isEqualTo("Connect your calendar to publish sessions to it.");
		JsonNode missing = problem.get("missingConnections").get(0);
		assertThat(missing.get("name").asString()).isEqualTo("calendar");
		assertThat(missing.get("signInUrl").asString()).isEqualTo("/oauth2/authorization/calendar");
		assertThat(missing.get("technicalDetail").asString()).isEqualTo("not connected: calendar");
		assertThat(missing.get("usage").asString()).isEqualTo("Adds the sessions you speak at to your calendar.");
		assertThat(missing.get("dataManagement").asString()).startsWith("Only the events it creates");
		assertThat(problem.get("resolutionSteps").get(1).asString()).isEqualTo("Approve access to your calendar");
		assertThat(problem.get("supportContact").asString()).isEqualTo("support@example.org");
		assertThat(this.calls.runs).doesNotContain("publish 1");
	}

	@Test
	void aGetRequestIsItsOwnReturnPathAndAnonymousCallersAreAskedToAuthenticate() throws Exception {
		Browser alice = new Browser(app(), "alice");
		HttpResponse<String> refused = alice.appGet("/weather?city=Lyon");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(this.json.readTree(refused.body()).get("missingConnections").get(0).get("signInUrl").asString())
			.isEqualTo("/connections/weather");
		HttpResponse<String> admin = alice.appGet("/calendar/admin?week=3");
		assertThat(this.json.readTree(admin.body()).get("missingConnections").get(0).get("signInUrl").asString())
			.isEqualTo("/oauth2/authorization/calendar-admin?return-to=/calendar/admin?week%3D3");
		HttpResponse<String> anonymous = new Browser(app(), "nobody").get(app() + "/maybe", null);
		assertThat(anonymous.statusCode()).isEqualTo(401);
	}

	@Test
	void theAuthorizationCodeFlowConnectsAndTheMethodRunsOnceWithAnAuthorizedClient(CapturedOutput output)
			throws Exception {
		Browser carol = new Browser(app(), "carol");
		assertThat(carol.signIn("/oauth2/authorization/calendar?return-to=/sessions/7"))
			.isEqualTo(app() + "/sessions/7");
		int before = this.api().acceptedTokens.size();
		HttpResponse<String> published = carol.appSend("POST", "/sessions/7/calendar", null);
		assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
		JsonNode body = this.json.readTree(published.body());
		assertThat(body.get("calendar").get("user").asString()).isEqualTo("carol");
		assertThat(body.get("weather").asBoolean()).isFalse();
		assertThat(this.calls.runs).containsOnlyOnce("publish 7");
		assertThat(this.api().acceptedTokens).hasSize(before + 1);
		// stored encrypted: the column never holds the token, and it decrypts to the one
		// the provider accepted
		OAuth2AuthorizedClient stored = this.clients.loadAuthorizedClient("calendar", "carol");
		String token = stored.getAccessToken().getTokenValue();
		assertThat(this.api().acceptedTokens.get(before)).isEqualTo(token);
		byte[] column = this.jdbc.queryForObject(
				"SELECT access_token_value FROM oauth2_authorized_client WHERE client_registration_id = 'calendar' "
						+ "AND principal_name = 'carol'",
				byte[].class);
		assertThat(new String(column, StandardCharsets.ISO_8859_1)).doesNotContain(token)
			.doesNotContain(token.substring(0, 16));
		byte[] refresh = this.jdbc
			.queryForObject("SELECT refresh_token_value FROM oauth2_authorized_client WHERE principal_name = 'carol' "
					+ "AND client_registration_id = 'calendar'", byte[].class);
		assertThat(new String(refresh, StandardCharsets.ISO_8859_1))
			.doesNotContain(stored.getRefreshToken().getTokenValue());
		assertThat(output.getAll()).doesNotContain(token)
			.doesNotContain(stored.getRefreshToken().getTokenValue())
			.doesNotContain(Base64.getEncoder().encodeToString(column));
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM pm_audit WHERE action = 'CONNECTION_SIGN_IN' AND grantee_name = 'carol' "
						+ "AND resource_type = 'connection' AND resource_id = 'calendar' AND actor = 'carol'",
				Integer.class))
			.isEqualTo(1);
	}

	@Test
	void anExpiredAccessTokenIsRefreshedFirstAndTheMethodRunsOnce(CapturedOutput output) throws Exception {
		Browser dave = new Browser(app(), "dave");
		dave.signIn("/oauth2/authorization/calendar");
		OAuth2AuthorizedClient before = this.clients.loadAuthorizedClient("calendar", "dave");
		expire("dave");
		HttpResponse<String> published = dave.appSend("POST", "/sessions/8/calendar", null);
		assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
		assertThat(this.calls.runs).containsOnlyOnce("publish 8");
		OAuth2AuthorizedClient after = this.clients.loadAuthorizedClient("calendar", "dave");
		assertThat(after.getAccessToken().getTokenValue()).isNotEqualTo(before.getAccessToken().getTokenValue());
		assertThat(after.getAccessToken().getExpiresAt()).isAfter(Instant.now());
		// the provider rotates refresh tokens: the new one was stored
		assertThat(after.getRefreshToken().getTokenValue()).isNotEqualTo(before.getRefreshToken().getTokenValue());
		assertThat(this.api().acceptedTokens).contains(after.getAccessToken().getTokenValue())
			.doesNotContain(before.getAccessToken().getTokenValue());
		assertThat(output.getAll()).doesNotContain(after.getAccessToken().getTokenValue())
			.doesNotContain(after.getRefreshToken().getTokenValue())
			.doesNotContain(before.getRefreshToken().getTokenValue());
	}

	@Test
	void anExpiredAccessTokenWithoutARefreshTokenIsRefusedAndNeverSent() throws Exception {
		Browser uma = new Browser(app(), "uma");
		uma.signIn("/oauth2/authorization/calendar");
		OAuth2AuthorizedClient connected = this.clients.loadAuthorizedClient("calendar", "uma");
		// the token the provider still takes, past its expiry here, with no way to renew
		// it (as providers that issue no refresh token leave it)
		Instant now = Instant.now();
		OAuth2AccessToken token = connected.getAccessToken();
		this.clients.saveAuthorizedClient(
				new OAuth2AuthorizedClient(connected.getClientRegistration(), "uma",
						new OAuth2AccessToken(token.getTokenType(), token.getTokenValue(),
								now.minus(2, ChronoUnit.HOURS), now.minus(1, ChronoUnit.HOURS), token.getScopes())),
				UsernamePasswordAuthenticationToken.authenticated("uma", null, AuthorityUtils.NO_AUTHORITIES));
		int before = api().acceptedTokens.size();
		HttpResponse<String> refused = uma.appSend("POST", "/sessions/12/calendar", null);
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
		JsonNode missing = this.json.readTree(refused.body()).get("missingConnections").get(0);
		assertThat(missing.get("name").asString()).isEqualTo("calendar");
		assertThat(missing.get("technicalDetail").asString()).isEqualTo("credentials expired: calendar");
		assertThat(missing.get("signInUrl").asString()).isEqualTo("/oauth2/authorization/calendar");
		assertThat(this.calls.runs).doesNotContain("publish 12");
		assertThat(api().acceptedTokens).hasSize(before);
		// the connection is kept (a sign-in replaces it); the listing says it expired
		assertThat(uma.appGet("/connections").body()).contains("\"status\":\"expired\"");
	}

	@Test
	void aRefreshTheProviderRefusesForgetsTheConnectionAndAsksToSignInAgain() throws Exception {
		Browser erin = new Browser(app(), "erin");
		erin.signIn("/oauth2/authorization/calendar");
		OAuth2AuthorizedClient client = this.clients.loadAuthorizedClient("calendar", "erin");
		HttpResponse<String> revoked = erin.post(PROVIDER + "/oauth2/revoke",
				"token=" + client.getRefreshToken().getTokenValue() + "&token_type_hint=refresh_token",
				"app:app-secret");
		assertThat(revoked.statusCode()).isEqualTo(200);
		expire("erin");
		HttpResponse<String> refused = erin.appSend("POST", "/sessions/9/calendar", null);
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
		JsonNode missing = this.json.readTree(refused.body()).get("missingConnections").get(0);
		assertThat(missing.get("technicalDetail").asString()).isEqualTo("access revoked at the provider: calendar");
		assertThat(missing.get("signInUrl").asString()).isEqualTo("/oauth2/authorization/calendar");
		assertThat(this.calls.runs).doesNotContain("publish 9");
		assertThat(this.clients.<OAuth2AuthorizedClient>loadAuthorizedClient("calendar", "erin")).isNull();
	}

	@Test
	void aProviderThatDoesNotAnswerIsA503AndTheMethodDoesNotRun() throws Exception {
		saveExpiredClient("flaky", "frank");
		HttpResponse<String> unavailable = new Browser(app(), "frank").appGet("/flaky");
		assertThat(unavailable.statusCode()).as(unavailable.body()).isEqualTo(503);
		assertThat(unavailable.body()).doesNotContain("Exception").doesNotContain("127.0.0.1");
		assertThat(this.calls.runs).doesNotContain("flaky frank");
		// not a refusal of the grant: the connection is kept for when the provider is
		// back
		assertThat(this.clients.<OAuth2AuthorizedClient>loadAuthorizedClient("flaky", "frank")).isNotNull();
	}

	@Test
	void signingOutWhileTheProviderIsDownStillRemovesTheConnectionAndSaysItWasNotRevoked() throws Exception {
		saveExpiredClient("flaky", "yuri");
		HttpResponse<String> signedOut = new Browser(app(), "yuri").appSend("DELETE", "/connections/flaky", null);
		assertThat(signedOut.statusCode()).as(signedOut.body()).isEqualTo(200);
		JsonNode body = this.json.readTree(signedOut.body());
		assertThat(body.get("signedOut").asBoolean()).isTrue();
		assertThat(body.get("revocation").asString()).isEqualTo("failed");
		assertThat(this.clients.<OAuth2AuthorizedClient>loadAuthorizedClient("flaky", "yuri")).isNull();
		assertThat(this.calls.signOuts).anySatisfy((event) -> {
			assertThat(event.user()).isEqualTo("yuri");
			assertThat(event.revocation()).isEqualTo(Revocation.FAILED);
		});
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM pm_audit WHERE action = "
						+ "'CONNECTION_SIGN_OUT_UNREVOKED' AND grantee_name = 'yuri' AND resource_id = 'flaky'",
				Integer.class))
			.isEqualTo(1);
	}

	@Test
	void aProviderThatHangsIsGivenUpAfterTheProviderTimeout() {
		saveExpiredClient("hanging", "xena");
		long start = System.nanoTime();
		HttpResponse<String> unavailable = new Browser(app(), "xena").appGet("/hanging");
		long seconds = (System.nanoTime() - start) / 1_000_000_000L;
		assertThat(unavailable.statusCode()).as(unavailable.body()).isEqualTo(503);
		// provider-timeout is 2s; a loaded machine gets room, an unbounded wait does not
		assertThat(seconds).isLessThan(30);
		assertThat(this.calls.runs).doesNotContain("hanging xena");
	}

	@Test
	void signOutRevokesAtTheProviderRemovesTheClientAuditsAndPublishesAnEvent() throws Exception {
		Browser grace = new Browser(app(), "grace");
		grace.signIn("/oauth2/authorization/calendar");
		assertThat(grace.appSend("POST", "/sessions/10/calendar", null).statusCode()).isEqualTo(200);
		OAuth2AuthorizedClient client = this.clients.loadAuthorizedClient("calendar", "grace");
		String token = client.getAccessToken().getTokenValue();
		HttpResponse<String> signedOut = grace.appSend("DELETE", "/connections/calendar", null);
		assertThat(signedOut.statusCode()).as(signedOut.body()).isEqualTo(200);
		JsonNode body = this.json.readTree(signedOut.body());
		assertThat(body.get("signedOut").asBoolean()).isTrue();
		assertThat(body.get("revocation").asString()).isEqualTo("revoked");
		assertThat(this.clients.<OAuth2AuthorizedClient>loadAuthorizedClient("calendar", "grace")).isNull();
		// the provider no longer takes the token
		assertThat(grace.postWithBearer(PROVIDER + "/api/calendar/events", token).statusCode()).isEqualTo(401);
		assertThat(api().refusedTokens).contains(token);
		// nor the refresh token: nobody holding it can get another access token
		HttpResponse<String> refreshed = grace.post(PROVIDER + "/oauth2/token",
				"grant_type=refresh_token&refresh_token=" + client.getRefreshToken().getTokenValue(), "app:app-secret");
		assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(400);
		assertThat(this.json.readTree(refreshed.body()).get("error").asString()).isEqualTo("invalid_grant");
		assertThat(this.calls.signOuts).anySatisfy((event) -> {
			assertThat(event.user()).isEqualTo("grace");
			assertThat(event.connection()).isEqualTo("calendar");
			assertThat(event.revocation()).isEqualTo(Revocation.REVOKED);
		});
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM pm_audit WHERE action = 'CONNECTION_SIGN_OUT' "
				+ "AND grantee_name = 'grace' AND resource_id = 'calendar'", Integer.class))
			.isEqualTo(1);
		HttpResponse<String> again = grace.appSend("POST", "/sessions/11/calendar", null);
		assertThat(again.statusCode()).isEqualTo(403);
		assertThat(this.calls.runs).doesNotContain("publish 11");
	}

	@Test
	void aScopeTheUserDidNotGrantIsNamedAndTheMethodDoesNotRun() throws Exception {
		Browser heidi = new Browser(app(), "heidi");
		heidi.signIn("/oauth2/authorization/calendar-admin", "calendar.events");
		HttpResponse<String> refused = heidi.appGet("/calendar/admin");
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
		JsonNode missing = this.json.readTree(refused.body()).get("missingConnections").get(0);
		assertThat(missing.get("name").asString()).isEqualTo("calendar-admin");
		assertThat(missing.get("missingScopes").get(0).asString()).isEqualTo("calendar.admin");
		assertThat(missing.get("technicalDetail").asString()).isEqualTo("missing scope: calendar.admin");
		assertThat(this.calls.runs).doesNotContain("admin heidi");
	}

}
