package io.github.permissionmanager.connecttest;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Set;

import io.github.permissionmanager.connect.EncryptedJdbcAuthorizedClientService;
import io.github.permissionmanager.connect.TokenCipher;
import io.github.permissionmanager.connecttest.provider.ProviderApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two more ways at a connection that is not the user's clean one: credentials stored
 * under another encryption key (a key changed in the configuration, or rows copied from
 * another installation) fail closed, never a 500 and never a connection; and the state of
 * the authorization response: a forged state or a replayed callback connects nothing.
 */
class ConnectionKeyAndStateTests extends ConnectionTestBase {

	@Test
	void anOAuth2ClientStoredUnderAnotherKeyIsUnavailableNotAConnectionAndCanBeSignedOutOf(CapturedOutput output)
			throws Exception {
		TokenCipher other = otherKey();
		new EncryptedJdbcAuthorizedClientService(this.jdbc, this.registrations, other, (registration, user) -> {
		}).saveAuthorizedClient(
				new OAuth2AuthorizedClient(this.registrations.findByRegistrationId("calendar-admin"), "fay",
						new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "other-key-access", Instant.now(),
								Instant.now().plus(1, ChronoUnit.HOURS), Set.of("calendar.events", "calendar.admin"))),
				UsernamePasswordAuthenticationToken.authenticated("fay", null, AuthorityUtils.NO_AUTHORITIES));
		Browser fay = new Browser(app(), "fay");
		HttpResponse<String> unavailable = fay.appGet("/calendar/admin");
		assertThat(unavailable.statusCode()).as(unavailable.body()).isEqualTo(503);
		assertThat(unavailable.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(this.calls.runs).doesNotContain("admin fay");
		HttpResponse<String> listed = fay.appGet("/connections");
		assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
		for (JsonNode connection : this.json.readTree(listed.body())) {
			if (connection.get("name").asString().equals("calendar-admin")) {
				assertThat(connection.get("status").asString()).isEqualTo("unavailable");
			}
		}
		// signing out removes what cannot be read (nor revoked: it says so)
		HttpResponse<String> signedOut = fay.appSend("DELETE", "/connections/calendar-admin", null);
		assertThat(signedOut.statusCode()).as(signedOut.body()).isEqualTo(200);
		assertThat(this.json.readTree(signedOut.body()).get("revocation").asString()).isEqualTo("failed");
		assertThat(
				this.jdbc.queryForObject(
						"SELECT COUNT(*) FROM oauth2_authorized_client "
								+ "WHERE client_registration_id = 'calendar-admin' AND principal_name = 'fay'",
						Integer.class))
			.isZero();
		assertThat(fay.appGet("/calendar/admin").statusCode()).isEqualTo(403);
		// and a new sign-in connects again
		fay.signIn("/oauth2/authorization/calendar-admin", "calendar.events", "calendar.admin");
		HttpResponse<String> admin = fay.appGet("/calendar/admin");
		assertThat(admin.statusCode()).as(admin.body()).isEqualTo(200);
		assertThat(this.calls.runs).containsOnlyOnce("admin fay");
		assertThat(output.getAll()).doesNotContain("other-key-access");
	}

	@Test
	void anApiKeyStoredUnderAnotherKeyIsUnavailableNeverSentAndCanBeSignedOutOf() throws Exception {
		// the row as the store writes it, sealed with another key
		byte[] sealed = otherKey().encrypt(ProviderApplication.API_KEY.getBytes(StandardCharsets.UTF_8),
				"connection_keys", "weather", "gus");
		this.jdbc.update("INSERT INTO pm_connection_keys (connection_name, user_name, key_value, expires_at, "
				+ "created_at) VALUES ('weather', 'gus', ?, NULL, CURRENT_TIMESTAMP)", sealed);
		Browser gus = new Browser(app(), "gus");
		HttpResponse<String> unavailable = gus.appGet("/weather");
		assertThat(unavailable.statusCode()).as(unavailable.body()).isEqualTo(503);
		assertThat(this.calls.runs).doesNotContain("weather gus");
		HttpResponse<String> signedOut = gus.appSend("DELETE", "/connections/weather", null);
		assertThat(signedOut.statusCode()).as(signedOut.body()).isEqualTo(200);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM pm_connection_keys WHERE user_name = 'gus'",
				Integer.class))
			.isZero();
	}

	@Test
	void aForgedStateOrAReplayedCallbackConnectsNothing() {
		Browser hal = new Browser(app(), "hal");
		HttpResponse<String> start = hal.appGet("/oauth2/authorization/calendar");
		String callback = Browser.location(hal.get(Browser.location(start), "hal:hal-at-provider"));
		assertThat(callback).contains("state=");
		String forged = callback.replaceAll("state=[^&]+", "state=forged-state");
		HttpResponse<String> refused = hal.get(forged, "hal:hal");
		assertThat(refused.statusCode()).as(refused.body()).isBetween(400, 499);
		assertThat(this.clients.<OAuth2AuthorizedClient>loadAuthorizedClient("calendar", "hal")).isNull();
		// the genuine answer still completes the sign-in it belongs to, once
		assertThat(hal.get(callback, "hal:hal").statusCode()).isEqualTo(302);
		OAuth2AuthorizedClient connected = this.clients.loadAuthorizedClient("calendar", "hal");
		assertThat(connected).isNotNull();
		HttpResponse<String> replayed = hal.get(callback, "hal:hal");
		assertThat(replayed.statusCode()).as(replayed.body()).isBetween(400, 499);
		assertThat(this.clients.<OAuth2AuthorizedClient>loadAuthorizedClient("calendar", "hal")
			.getAccessToken()
			.getTokenValue()).isEqualTo(connected.getAccessToken().getTokenValue());
	}

	@Test
	void noTokenOfAConnectionsWholeLifeIsLogged(CapturedOutput output) {
		Browser ida = new Browser(app(), "ida");
		ida.signIn("/oauth2/authorization/calendar");
		OAuth2AuthorizedClient first = this.clients.loadAuthorizedClient("calendar", "ida");
		assertThat(ida.appSend("POST", "/sessions/31/calendar", null).statusCode()).isEqualTo(200);
		expire("ida");
		assertThat(ida.appSend("POST", "/sessions/32/calendar", null).statusCode()).isEqualTo(200);
		OAuth2AuthorizedClient renewed = this.clients.loadAuthorizedClient("calendar", "ida");
		assertThat(renewed.getAccessToken().getTokenValue()).isNotEqualTo(first.getAccessToken().getTokenValue());
		assertThat(ida.appSend("DELETE", "/connections/calendar", null).statusCode()).isEqualTo(200);
		assertThat(ida.appSend("POST", "/connections/weather", "key=" + ProviderApplication.API_KEY).statusCode())
			.isEqualTo(204);
		assertThat(ida.appGet("/weather").statusCode()).isEqualTo(200);
		assertThat(ida.appSend("DELETE", "/connections/weather", null).statusCode()).isEqualTo(200);
		// logged at TRACE for Permission Manager and DEBUG for Spring Security
		assertThat(output.getAll()).contains("ida")
			.doesNotContain(first.getAccessToken().getTokenValue())
			.doesNotContain(first.getRefreshToken().getTokenValue())
			.doesNotContain(renewed.getAccessToken().getTokenValue())
			.doesNotContain(renewed.getRefreshToken().getTokenValue())
			.doesNotContain(ProviderApplication.API_KEY);
	}

	@Test
	@Timeout(60)
	void aTokenEndpointThatHangsDuringTheCodeExchangeIsGivenUpAfterTheProviderTimeout() {
		Browser jon = new Browser(app(), "jon");
		String authorize = Browser.location(jon.appGet("/oauth2/authorization/hanging?return-to=/settings"));
		String state = authorize.replaceAll(".*[?&]state=([^&]+).*", "$1");
		// the provider's answer as a browser would bring it back; its token endpoint
		// accepts the exchange's connection and never answers
		long start = System.nanoTime();
		HttpResponse<String> exchanged = jon.appGet("/oauth2/connected/hanging?code=some-code&state=" + state);
		long seconds = (System.nanoTime() - start) / 1_000_000_000L;
		assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(302);
		assertThat(jon.appGet(Browser.location(exchanged).substring(app().length())).headers().firstValue("Location"))
			.hasValue(app() + "/settings?connection-error=invalid_token_response");
		// provider-timeout is 2s; a loaded machine gets room, an unbounded wait does not
		assertThat(seconds).isLessThan(30);
		assertThat(this.clients.<OAuth2AuthorizedClient>loadAuthorizedClient("hanging", "jon")).isNull();
	}

	private static TokenCipher otherKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return TokenCipher.of(Base64.getEncoder().encodeToString(key));
	}

}
