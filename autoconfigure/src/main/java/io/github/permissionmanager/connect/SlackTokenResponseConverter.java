package io.github.permissionmanager.connect;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;

/**
 * Reads an answer of Slack's {@code oauth.v2.access} into Spring Security's token
 * response. The token is the top-level one (the bot token) when there is one, else the
 * installing user's under {@code authed_user} (an install asking only user scopes); its
 * {@code token_type} {@code bot} or {@code user} is a bearer token (Slack reads it from
 * {@code Authorization: Bearer}), any other type is refused; scopes are split at commas
 * and spaces. An answer with {@code "ok": false} is a {@link Refused} carrying Slack's
 * error, so that the token client can answer it as the OAuth2 error it stands for. The
 * other token (the user's beside a bot token) is not kept, and no message here carries a
 * token.
 */
final class SlackTokenResponseConverter implements Converter<Map<String, Object>, OAuth2AccessTokenResponse> {

	private static final Set<String> TOKEN_PARAMETERS = Set.of(OAuth2ParameterNames.ACCESS_TOKEN,
			OAuth2ParameterNames.TOKEN_TYPE, OAuth2ParameterNames.SCOPE, OAuth2ParameterNames.REFRESH_TOKEN,
			OAuth2ParameterNames.EXPIRES_IN, "authed_user", "ok", "id_token");

	@Override
	public OAuth2AccessTokenResponse convert(Map<String, Object> source) {
		Object ok = source.get("ok");
		if (ok != null && !"true".equalsIgnoreCase(ok.toString())) {
			throw new Refused(code(source.get(OAuth2ParameterNames.ERROR)));
		}
		Map<?, ?> token = source;
		Object authedUser = source.get("authed_user");
		if (source.get(OAuth2ParameterNames.ACCESS_TOKEN) == null && authedUser instanceof Map<?, ?> user
				&& user.get(OAuth2ParameterNames.ACCESS_TOKEN) != null) {
			token = user;
		}
		String accessToken = string(token, OAuth2ParameterNames.ACCESS_TOKEN);
		if (accessToken == null || accessToken.isBlank()) {
			throw new IllegalArgumentException("Slack's answer carries no access_token");
		}
		String type = string(token, OAuth2ParameterNames.TOKEN_TYPE);
		if (type == null || !(type.equalsIgnoreCase("bot") || type.equalsIgnoreCase("user")
				|| type.equalsIgnoreCase(OAuth2AccessToken.TokenType.BEARER.getValue()))) {
			throw new IllegalArgumentException(
					"Slack's answer has token_type '" + code(type) + "'; only bot, user and bearer are read");
		}
		Map<String, Object> additional = new LinkedHashMap<>();
		source.forEach((name, value) -> {
			if (!TOKEN_PARAMETERS.contains(name) && value != null) {
				additional.put(name, value);
			}
		});
		if (authedUser instanceof Map<?, ?> user && user.get("id") != null) {
			additional.put("authed_user_id", user.get("id").toString());
		}
		return OAuth2AccessTokenResponse.withToken(accessToken)
			.tokenType(OAuth2AccessToken.TokenType.BEARER)
			.expiresIn(expiresIn(token))
			.scopes(scopes(string(token, OAuth2ParameterNames.SCOPE)))
			.refreshToken(string(token, OAuth2ParameterNames.REFRESH_TOKEN))
			.additionalParameters(additional)
			.build();
	}

	private static @Nullable String string(Map<?, ?> map, String name) {
		Object value = map.get(name);
		return (value != null) ? value.toString() : null;
	}

	private static long expiresIn(Map<?, ?> token) {
		Object value = token.get(OAuth2ParameterNames.EXPIRES_IN);
		if (value instanceof Number number) {
			return number.longValue();
		}
		try {
			return (value != null) ? Long.parseLong(value.toString().trim()) : 0L;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Slack's answer has an expires_in that is not a number");
		}
	}

	private static Set<String> scopes(@Nullable String scope) {
		Set<String> scopes = new LinkedHashSet<>();
		if (scope != null) {
			for (String part : scope.split("[\\s,]+")) {
				if (!part.isEmpty()) {
					scopes.add(part);
				}
			}
		}
		return scopes;
	}

	// An error code as it may be shown: letters, digits and _.- only, at most 64
	private static String code(@Nullable Object value) {
		String code = (value != null) ? value.toString().replaceAll("[^A-Za-z0-9_.-]", "") : "";
		code = (code.length() > 64) ? code.substring(0, 64) : code;
		return code.isEmpty() ? "unknown_error" : code;
	}

	/**
	 * Slack refused the request: {@code "ok": false}.
	 */
	static final class Refused extends RuntimeException {

		private final String error;

		Refused(String error) {
			super("Slack refused the token request: " + error, null, false, false);
			this.error = error;
		}

		/**
		 * Slack's error, such as {@code invalid_refresh_token}.
		 * @return the error
		 */
		String error() {
			return this.error;
		}

	}

}
