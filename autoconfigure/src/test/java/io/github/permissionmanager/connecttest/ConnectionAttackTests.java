package io.github.permissionmanager.connecttest;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.github.permissionmanager.AuthenticationRequiredException;
import io.github.permissionmanager.ConnectionRequiredException;
import io.github.permissionmanager.connecttest.app.PublishingService;
import io.github.permissionmanager.connecttest.provider.ProviderApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The attacker's pass on connections: an open redirect through the return path, a sign-in
 * with no user behind it, an unknown registration, a tampered token, another user's
 * connection, and API keys handed over, used, stored encrypted and signed out of.
 */
class ConnectionAttackTests extends ConnectionTestBase {

	@Autowired
	private PublishingService publishing;

	@ParameterizedTest
	@ValueSource(strings = { "https://evil.example/", "//evil.example", "/\\evil.example", "/%2F%2Fevil.example",
			"javascript:alert(1)", "evil.example", "/ok\r\nLocation: https://evil.example" })
	void aReturnPathToAnotherOriginIsRefusedBeforeTheProviderIsAsked(String returnTo) throws Exception {
		HttpResponse<String> refused = new Browser(app(), "ivan")
			.appGet("/oauth2/authorization/calendar?return-to=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8));
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Location")).isEmpty();
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void twoReturnPathsAreRefusedAndASafeOneGoesToTheProvider() {
		Browser ivan = new Browser(app(), "ivan");
		assertThat(
				ivan.appGet("/oauth2/authorization/calendar?return-to=/a&return-to=https://evil.example").statusCode())
			.isEqualTo(400);
		HttpResponse<String> start = ivan.appGet("/oauth2/authorization/calendar?return-to=/a");
		assertThat(start.statusCode()).isEqualTo(302);
		assertThat(Browser.location(start)).startsWith(PROVIDER + "/oauth2/authorize?")
			.contains("code_challenge=")
			.contains("code_challenge_method=S256");
	}

	@Test
	void anUnknownRegistrationIsA404NotA500() throws Exception {
		HttpResponse<String> unknown = new Browser(app(), "ivan").appGet("/oauth2/authorization/nope");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(this.json.readTree(unknown.body()).get("status").asInt()).isEqualTo(404);
	}

	@Test
	void aCallbackWithoutAnAuthenticatedUserStoresNothing() {
		Browser judy = new Browser(app(), "judy");
		HttpResponse<String> start = judy.appGet("/oauth2/authorization/calendar");
		HttpResponse<String> atProvider = judy.get(Browser.location(start), "judy:judy-at-provider");
		String callback = Browser.location(atProvider);
		// the same browser (its session holds the authorization request), but no
		// credentials
		HttpResponse<String> anonymous = judy.get(callback, null);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(this.clients.<OAuth2AuthorizedClient>loadAuthorizedClient("calendar", "anonymousUser")).isNull();
		assertThat(this.clients.<OAuth2AuthorizedClient>loadAuthorizedClient("calendar", "judy")).isNull();
	}

	@Test
	void aCallbackCarriedIntoAnotherUsersBrowserConnectsNobody() {
		// victor starts a sign-in and gets the provider's answer for his own account
		Browser victor = new Browser(app(), "victor");
		HttpResponse<String> start = victor.appGet("/oauth2/authorization/calendar");
		String callback = Browser.location(victor.get(Browser.location(start), "victor:victor-at-provider"));
		// and makes walter's browser open it: walter's session started no sign-in
		HttpResponse<String> carried = new Browser(app(), "walter").appGet(callback.substring(app().length()));
		assertThat(carried.statusCode()).as(carried.body()).isBetween(400, 499);
		assertThat(this.clients.<OAuth2AuthorizedClient>loadAuthorizedClient("calendar", "walter")).isNull();
		assertThat(this.clients.<OAuth2AuthorizedClient>loadAuthorizedClient("calendar", "victor")).isNull();
	}

	@Test
	void aSignInTheUserRefusesComesBackWithTheErrorAndConnectsNothing() {
		Browser mallory = new Browser(app(), "mallory");
		String back = mallory.signIn("/oauth2/authorization/calendar-admin?return-to=/settings");
		assertThat(back).isEqualTo(app() + "/settings?connection-error=access_denied");
		assertThat(this.clients.<OAuth2AuthorizedClient>loadAuthorizedClient("calendar-admin", "mallory")).isNull();
	}

	@Test
	void aTamperedStoredTokenIsA503AndTheMethodDoesNotRun() {
		Browser niaj = new Browser(app(), "niaj");
		niaj.signIn("/oauth2/authorization/calendar-admin", "calendar.events", "calendar.admin");
		byte[] column = this.jdbc.queryForObject("SELECT access_token_value FROM oauth2_authorized_client "
				+ "WHERE client_registration_id = 'calendar-admin' AND principal_name = 'niaj'", byte[].class);
		column[column.length - 1] ^= 1;
		this.jdbc.update("UPDATE oauth2_authorized_client SET access_token_value = ? "
				+ "WHERE client_registration_id = 'calendar-admin' AND principal_name = 'niaj'", column);
		HttpResponse<String> unavailable = niaj.appGet("/calendar/admin");
		assertThat(unavailable.statusCode()).as(unavailable.body()).isEqualTo(503);
		assertThat(this.calls.runs).doesNotContain("admin niaj");
	}

	@Test
	void oneUserSigningOutNeverTouchesAnothersConnection() throws Exception {
		Browser olivia = new Browser(app(), "olivia");
		olivia.signIn("/oauth2/authorization/calendar-admin", "calendar.events", "calendar.admin");
		HttpResponse<String> peggy = new Browser(app(), "peggy").appSend("DELETE", "/connections/calendar-admin", null);
		assertThat(peggy.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(peggy.body()).get("signedOut").asBoolean()).isFalse();
		assertThat(this.clients.<OAuth2AuthorizedClient>loadAuthorizedClient("calendar-admin", "olivia")).isNotNull();
		assertThat(olivia.appGet("/calendar/admin").statusCode()).isEqualTo(200);
	}

	@Test
	void theConnectionEndpointsRefuseWhatTheyDoNotKnow() {
		Browser ivan = new Browser(app(), "ivan");
		assertThat(ivan.appSend("DELETE", "/connections/nope", null).statusCode()).isEqualTo(404);
		assertThat(ivan.appSend("POST", "/connections/nope", "key=x").statusCode()).isEqualTo(404);
		assertThat(ivan.appSend("POST", "/connections/calendar", "key=x").statusCode()).isEqualTo(400);
		assertThat(ivan.appSend("POST", "/connections/weather", "nokey=x").statusCode()).isEqualTo(400);
		assertThat(ivan.appSend("POST", "/connections/weather", "key=x&expires-at=tomorrow").statusCode())
			.isEqualTo(400);
		assertThat(new Browser(app(), "ivan").get(app() + "/connections", null).statusCode()).isEqualTo(401);
	}

	@Test
	void anApiKeyIsHandedOverStoredEncryptedSentAndSignedOutOf() throws Exception {
		Browser rupert = new Browser(app(), "rupert");
		HttpResponse<String> refused = rupert.appGet("/weather");
		assertThat(refused.statusCode()).isEqualTo(403);
		JsonNode missing = this.json.readTree(refused.body()).get("missingConnections").get(0);
		assertThat(missing.get("signInUrl").asString()).isEqualTo("/connections/weather");
		assertThat(missing.get("usage").asString()).isEqualTo("Shows the forecast on outdoor sessions.");
		assertThat(rupert.appSend("POST", "/connections/weather", "key=" + ProviderApplication.API_KEY).statusCode())
			.isEqualTo(204);
		byte[] stored = this.jdbc.queryForObject(
				"SELECT key_value FROM pm_connection_keys WHERE connection_name = 'weather' AND user_name = 'rupert'",
				byte[].class);
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(ProviderApplication.API_KEY);
		HttpResponse<String> forecast = rupert.appGet("/weather");
		assertThat(forecast.statusCode()).as(forecast.body()).isEqualTo(200);
		assertThat(this.json.readTree(forecast.body()).get("forecast").asString()).isEqualTo("sunny");
		HttpResponse<String> listed = rupert.appGet("/connections");
		assertThat(listed.body()).contains("\"name\":\"weather\"").contains("\"status\":\"connected\"");
		HttpResponse<String> signedOut = rupert.appSend("DELETE", "/connections/weather", null);
		assertThat(this.json.readTree(signedOut.body()).get("revocation").asString()).isEqualTo("not-supported");
		assertThat(rupert.appGet("/weather").statusCode()).isEqualTo(403);
	}

	@Test
	void anApiKeyPastItsExpiryIsNotUsed() {
		Browser sybil = new Browser(app(), "sybil");
		assertThat(sybil
			.appSend("POST", "/connections/weather",
					"key=" + ProviderApplication.API_KEY + "&expires-at=2020-01-01T00:00:00Z")
			.statusCode()).isEqualTo(204);
		HttpResponse<String> refused = sybil.appGet("/weather");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("credentials expired: weather");
	}

	@Test
	void aServiceMethodOutsideARequestIsCheckedForTheUserOfTheThread() {
		new Browser(app(), "yuri").signIn("/oauth2/authorization/calendar");
		try {
			assertThatExceptionOfType(AuthenticationRequiredException.class).isThrownBy(this.publishing::publish);
			runAs("ivan");
			assertThatExceptionOfType(ConnectionRequiredException.class).isThrownBy(this.publishing::publish)
				.satisfies((ex) -> assertThat(ex.getMissingConnections()).singleElement()
					.satisfies(
							(missing) -> assertThat(missing.signInUrl()).isEqualTo("/oauth2/authorization/calendar")));
			runAs("yuri");
			assertThat(this.publishing.publish()).isEqualTo("published");
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private static void runAs(String user) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
					AuthorityUtils.createAuthorityList("ROLE_USER")));
	}

	@Test
	void optionalConnectionsNeverBlock() throws Exception {
		HttpResponse<String> maybe = new Browser(app(), "trent").appGet("/maybe");
		assertThat(maybe.statusCode()).as(maybe.body()).isEqualTo(200);
		assertThat(this.json.readTree(maybe.body()).get("calendar").asBoolean()).isFalse();
		assertThat(this.calls.runs).contains("maybe trent");
	}

}
