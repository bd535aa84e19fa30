package io.github.permissionmanager.connect;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * How an answer of Slack's {@code oauth.v2.access} is read: which token is kept, as what,
 * and what is refused.
 */
class SlackTokenResponseConverterTests {

	private final SlackTokenResponseConverter converter = new SlackTokenResponseConverter();

	@Test
	void aBotTokenIsABearerTokenWithItsCommaSeparatedScopesAndTheUserTokenIsNotKept() {
		OAuth2AccessTokenResponse response = this.converter.convert(botAnswer());
		assertThat(response.getAccessToken().getTokenValue()).isEqualTo("xoxb-1");
		assertThat(response.getAccessToken().getTokenType()).isEqualTo(OAuth2AccessToken.TokenType.BEARER);
		assertThat(response.getAccessToken().getScopes()).containsExactlyInAnyOrder("channels:read", "chat:write");
		assertThat(response.getRefreshToken().getTokenValue()).isEqualTo("xoxe-1-r");
		assertThat(response.getAccessToken().getExpiresAt())
			.isEqualTo(response.getAccessToken().getIssuedAt().plusSeconds(43200));
		assertThat(response.getAdditionalParameters()).containsEntry("authed_user_id", "U1")
			.containsEntry("app_id", "A1")
			.doesNotContainKeys("authed_user", "ok");
		assertThat(response.getAdditionalParameters().toString()).doesNotContain("xoxp-");
	}

	@Test
	void withoutABotTokenTheUsersTokenIsTaken() {
		Map<String, Object> answer = new LinkedHashMap<>(Map.of("ok", true, "app_id", "A1"));
		answer.put("authed_user", Map.of("id", "U1", "access_token", "xoxp-1", "token_type", "user", "scope",
				"search:read", "expires_in", "60"));
		OAuth2AccessTokenResponse response = this.converter.convert(answer);
		assertThat(response.getAccessToken().getTokenValue()).isEqualTo("xoxp-1");
		assertThat(response.getAccessToken().getScopes()).containsExactly("search:read");
		assertThat(response.getRefreshToken()).isNull();
		assertThat(response.getAccessToken().getExpiresAt())
			.isEqualTo(response.getAccessToken().getIssuedAt().plusSeconds(60));
	}

	@Test
	void aRefusalCarriesSlacksErrorOnlyAsACode() {
		assertThatExceptionOfType(SlackTokenResponseConverter.Refused.class)
			.isThrownBy(() -> this.converter.convert(Map.of("ok", false, "error", "invalid_refresh_token")))
			.satisfies((refused) -> assertThat(refused.error()).isEqualTo("invalid_refresh_token"));
		assertThatExceptionOfType(SlackTokenResponseConverter.Refused.class)
			.isThrownBy(() -> this.converter.convert(Map.of("ok", "false", "error", "<script>\r\nx")))
			.satisfies((refused) -> assertThat(refused.error()).isEqualTo("scriptx"));
		assertThatExceptionOfType(SlackTokenResponseConverter.Refused.class)
			.isThrownBy(() -> this.converter.convert(Map.of("ok", false)))
			.satisfies((refused) -> assertThat(refused.error()).isEqualTo("unknown_error"));
	}

	@Test
	void anAnswerWithoutATokenOrWithAnotherTokenTypeIsRefusedWithoutShowingTheToken() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.converter.convert(Map.of("ok", true)));
		assertThatIllegalArgumentException().isThrownBy(
				() -> this.converter.convert(Map.of("ok", true, "access_token", "xoxb-secret", "token_type", "mac")))
			.withMessageNotContaining("xoxb-secret");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.converter.convert(Map.of("ok", true, "access_token", "xoxb-secret")))
			.withMessageNotContaining("xoxb-secret");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.converter
				.convert(Map.of("ok", true, "access_token", "xoxb-secret", "token_type", "bot", "expires_in", "soon")))
			.withMessageNotContaining("xoxb-secret");
	}

	private static Map<String, Object> botAnswer() {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("ok", true);
		answer.put("access_token", "xoxb-1");
		answer.put("token_type", "bot");
		answer.put("scope", "channels:read,chat:write");
		answer.put("refresh_token", "xoxe-1-r");
		answer.put("expires_in", 43200);
		answer.put("app_id", "A1");
		answer.put("authed_user",
				Map.of("id", "U1", "access_token", "xoxp-1", "token_type", "user", "scope", "search:read"));
		return answer;
	}

}
