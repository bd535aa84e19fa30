package io.github.permissionmanager.connecttest;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The {@code slack} preset against a stand-in that answers as Slack's
 * {@code oauth.v2.access} does: {@code "token_type": "bot"}, comma-separated scopes, the
 * user's token under {@code authed_user}, rotation with {@code expires_in}, and refusals
 * as HTTP 200 with {@code "ok": false}. Spring Security's own token response reading
 * takes only {@code Bearer} (or {@code DPoP}) tokens, so without the preset's reading
 * none of this would connect.
 */
class SlackConnectionTests extends ConnectionTestBase {

	@Test
	void aSlackSignInStoresTheBotTokenAsABearerTokenAndTheMethodRunsOnce(CapturedOutput output) throws Exception {
		Browser zoe = new Browser(app(), "zoe");
		HttpResponse<String> refused = zoe.appSend("POST", "/slack/announce", null);
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
		assertThat(this.json.readTree(refused.body()).get("missingConnections").get(0).get("signInUrl").asString())
			.isEqualTo("/oauth2/authorization/slack");
		assertThat(zoe.signIn("/oauth2/authorization/slack?return-to=/after-slack")).isEqualTo(app() + "/after-slack");
		OAuth2AuthorizedClient stored = this.clients.loadAuthorizedClient("slack", "zoe");
		assertThat(stored).isNotNull();
		OAuth2AccessToken token = stored.getAccessToken();
		assertThat(token.getTokenType()).isEqualTo(OAuth2AccessToken.TokenType.BEARER);
		assertThat(token.getTokenValue()).startsWith("xoxb-").isEqualTo(slack.issued.get(slack.issued.size() - 1));
		assertThat(token.getScopes()).containsExactlyInAnyOrder("channels:read", "chat:write");
		assertThat(token.getExpiresAt()).isCloseTo(Instant.now().plus(Duration.ofHours(12)),
				within(Duration.ofMinutes(5)));
		assertThat(stored.getRefreshToken()).isNotNull();
		assertThat(stored.getRefreshToken().getTokenValue()).startsWith("xoxe-1-");
		int posted = slack.posted.size();
		HttpResponse<String> announced = zoe.appSend("POST", "/slack/announce", null);
		assertThat(announced.statusCode()).as(announced.body()).isEqualTo(200);
		assertThat(this.json.readTree(announced.body()).get("ok").asBoolean()).isTrue();
		assertThat(this.calls.runs).containsOnlyOnce("announce zoe");
		assertThat(slack.posted).hasSize(posted + 1);
		assertThat(output.getAll()).doesNotContain(token.getTokenValue())
			.doesNotContain(stored.getRefreshToken().getTokenValue())
			.doesNotContain("xoxp-");
	}

	@Test
	void anExpiredSlackTokenIsRotatedWithSlacksAnswerAndTheMethodRunsOnce(CapturedOutput output) {
		Browser abel = new Browser(app(), "abel");
		abel.signIn("/oauth2/authorization/slack");
		OAuth2AuthorizedClient before = this.clients.loadAuthorizedClient("slack", "abel");
		expire("slack", "abel");
		int refreshes = (int) slack.tokenRequests.stream().filter("refresh_token"::equals).count();
		HttpResponse<String> announced = abel.appSend("POST", "/slack/announce", null);
		assertThat(announced.statusCode()).as(announced.body()).isEqualTo(200);
		assertThat(this.calls.runs).containsOnlyOnce("announce abel");
		assertThat(slack.tokenRequests.stream().filter("refresh_token"::equals).count()).isEqualTo(refreshes + 1);
		OAuth2AuthorizedClient after = this.clients.loadAuthorizedClient("slack", "abel");
		assertThat(after.getAccessToken().getTokenValue()).startsWith("xoxb-")
			.isNotEqualTo(before.getAccessToken().getTokenValue());
		assertThat(after.getAccessToken().getScopes()).containsExactlyInAnyOrder("channels:read", "chat:write");
		assertThat(after.getRefreshToken().getTokenValue()).isNotEqualTo(before.getRefreshToken().getTokenValue());
		assertThat(output.getAll()).doesNotContain(after.getAccessToken().getTokenValue())
			.doesNotContain(before.getRefreshToken().getTokenValue());
	}

	@Test
	void aRefreshTokenSlackRefusesWithOkFalseIsARevokedGrantAndTheMethodDoesNotRun() throws Exception {
		Browser bea = new Browser(app(), "bea");
		bea.signIn("/oauth2/authorization/slack");
		expire("slack", "bea");
		slack.revokeRefreshTokensOf(ownerOf("bea"));
		HttpResponse<String> refused = bea.appSend("POST", "/slack/announce", null);
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
		JsonNode missing = this.json.readTree(refused.body()).get("missingConnections").get(0);
		assertThat(missing.get("technicalDetail").asString()).isEqualTo("access revoked at the provider: slack");
		assertThat(this.calls.runs).doesNotContain("announce bea");
		assertThat(this.clients.<OAuth2AuthorizedClient>loadAuthorizedClient("slack", "bea")).isNull();
	}

	@Test
	void anotherRefusalOfARefreshIsA503AndTheConnectionIsKeptForLater() {
		Browser gus = new Browser(app(), "gus");
		gus.signIn("/oauth2/authorization/slack");
		expire("slack", "gus");
		slack.refreshError = "ratelimited";
		try {
			HttpResponse<String> unavailable = gus.appSend("POST", "/slack/announce", null);
			assertThat(unavailable.statusCode()).as(unavailable.body()).isEqualTo(503);
			assertThat(this.calls.runs).doesNotContain("announce gus");
			assertThat(this.clients.<OAuth2AuthorizedClient>loadAuthorizedClient("slack", "gus")).isNotNull();
		}
		finally {
			slack.refreshError = null;
		}
		HttpResponse<String> announced = gus.appSend("POST", "/slack/announce", null);
		assertThat(announced.statusCode()).as(announced.body()).isEqualTo(200);
		assertThat(this.calls.runs).containsOnlyOnce("announce gus");
	}

	@Test
	void anInstallWithOnlyAUserTokenUsesTheTokenUnderAuthedUser() {
		slack.userTokenOnly = true;
		try {
			Browser cyd = new Browser(app(), "cyd");
			cyd.signIn("/oauth2/authorization/slack");
			OAuth2AuthorizedClient stored = this.clients.loadAuthorizedClient("slack", "cyd");
			assertThat(stored.getAccessToken().getTokenValue()).startsWith("xoxp-");
			assertThat(stored.getAccessToken().getTokenType()).isEqualTo(OAuth2AccessToken.TokenType.BEARER);
			assertThat(stored.getAccessToken().getScopes()).containsExactlyInAnyOrder("channels:read", "chat:write");
			assertThat(stored.getRefreshToken()).isNotNull();
			HttpResponse<String> announced = cyd.appSend("POST", "/slack/announce", null);
			assertThat(announced.statusCode()).as(announced.body()).isEqualTo(200);
			assertThat(this.calls.runs).containsOnlyOnce("announce cyd");
		}
		finally {
			slack.userTokenOnly = false;
		}
	}

	@Test
	void aCodeSlackRefusesWithOkFalseComesBackAsAnErrorAndConnectsNothing() {
		slack.refuseCodes = true;
		try {
			Browser dora = new Browser(app(), "dora");
			assertThat(dora.signIn("/oauth2/authorization/slack?return-to=/settings"))
				.isEqualTo(app() + "/settings?connection-error=invalid_grant");
			assertThat(this.clients.<OAuth2AuthorizedClient>loadAuthorizedClient("slack", "dora")).isNull();
			assertThat(dora.appSend("POST", "/slack/announce", null).statusCode()).isEqualTo(403);
			assertThat(this.calls.runs).doesNotContain("announce dora");
		}
		finally {
			slack.refuseCodes = false;
		}
	}

	// The stand-in's user behind the bot token stored for an application user
	private String ownerOf(String user) {
		OAuth2AuthorizedClient stored = this.clients.loadAuthorizedClient("slack", user);
		return slack.ownerOf(stored.getAccessToken().getTokenValue());
	}

}
