package io.github.permissionmanager.connect;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;

/**
 * Asks a token endpoint for a connection's tokens (the code exchange of a sign-in, or a
 * refresh), reading the answer as the connection's {@link TokenResponseFormat} says: a
 * standard answer through Spring Security as it is, Slack's through
 * {@link SlackTokenResponseConverter}, whose {@code "ok": false} refusals become the
 * OAuth2 errors they stand for ({@code invalid_refresh_token} and {@code invalid_code}
 * are {@code invalid_grant}, so a refused refresh forgets the connection as any revoked
 * grant does). Registrations outside the connection catalog are left to the client that
 * would have served them.
 *
 * @param <T> the grant request
 */
public final class ConnectionTokenResponseClient<T extends AbstractOAuth2AuthorizationGrantRequest>
		implements OAuth2AccessTokenResponseClient<T> {

	private static final Map<String, String> SLACK_ERRORS = Map.of("invalid_code", OAuth2ErrorCodes.INVALID_GRANT,
			"code_already_used", OAuth2ErrorCodes.INVALID_GRANT, "invalid_refresh_token",
			OAuth2ErrorCodes.INVALID_GRANT, "token_revoked", OAuth2ErrorCodes.INVALID_GRANT, "bad_client_secret",
			OAuth2ErrorCodes.INVALID_CLIENT, "invalid_client_id", OAuth2ErrorCodes.INVALID_CLIENT, "invalid_grant_type",
			OAuth2ErrorCodes.UNSUPPORTED_GRANT_TYPE);

	private final Map<String, TokenResponseFormat> formats;

	private final OAuth2AccessTokenResponseClient<T> standard;

	private final OAuth2AccessTokenResponseClient<T> slack;

	private final OAuth2AccessTokenResponseClient<T> others;

	private ConnectionTokenResponseClient(ConnectionCatalog catalog, OAuth2AccessTokenResponseClient<T> standard,
			OAuth2AccessTokenResponseClient<T> slack, OAuth2AccessTokenResponseClient<T> others) {
		Assert.notNull(catalog, "catalog cannot be null");
		this.formats = new LinkedHashMap<>();
		for (ConnectionDefinition connection : catalog.entries().values()) {
			if (connection.kind() == ConnectionDefinition.Kind.OAUTH2) {
				// a registration two entries share is read as Slack's if either says so
				this.formats.merge(connection.registrationId(), connection.tokenResponse(),
						(a, b) -> (a == TokenResponseFormat.SLACK) ? a : b);
			}
		}
		this.standard = standard;
		this.slack = slack;
		this.others = others;
	}

	/**
	 * The client of the code exchange at the end of a sign-in.
	 * @param catalog the connections
	 * @param requests sends the requests, with the provider timeout
	 * @param application the client the application declares for code exchanges, or
	 * {@code null} for Spring Security's; it serves registrations outside the catalog,
	 * and the catalog's standard ones too
	 * @return the client
	 */
	public static ConnectionTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> authorizationCode(
			ConnectionCatalog catalog, ClientHttpRequestFactory requests,
			@Nullable OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> application) {
		RestClientAuthorizationCodeTokenResponseClient standard = new RestClientAuthorizationCodeTokenResponseClient();
		standard.setRestClient(restClient(requests, null));
		RestClientAuthorizationCodeTokenResponseClient slack = new RestClientAuthorizationCodeTokenResponseClient();
		slack.setRestClient(restClient(requests, new SlackTokenResponseConverter()));
		// outside the catalog, what Spring Security would have used: the application's
		// client, else its default one (no provider timeout: not a connection's)
		return new ConnectionTokenResponseClient<>(catalog, (application != null) ? application : standard, slack,
				(application != null) ? application : new RestClientAuthorizationCodeTokenResponseClient());
	}

	/**
	 * The client of refreshes.
	 * @param catalog the connections
	 * @param requests sends the requests, with the provider timeout
	 * @return the client
	 */
	public static ConnectionTokenResponseClient<OAuth2RefreshTokenGrantRequest> refreshToken(ConnectionCatalog catalog,
			ClientHttpRequestFactory requests) {
		RestClientRefreshTokenTokenResponseClient standard = new RestClientRefreshTokenTokenResponseClient();
		standard.setRestClient(restClient(requests, null));
		RestClientRefreshTokenTokenResponseClient slack = new RestClientRefreshTokenTokenResponseClient();
		slack.setRestClient(restClient(requests, new SlackTokenResponseConverter()));
		return new ConnectionTokenResponseClient<>(catalog, standard, slack, standard);
	}

	// As Spring Security's token clients build theirs, with the timeouts and the reading
	private static RestClient restClient(ClientHttpRequestFactory requests,
			@Nullable SlackTokenResponseConverter converter) {
		OAuth2AccessTokenResponseHttpMessageConverter tokens = new OAuth2AccessTokenResponseHttpMessageConverter();
		if (converter != null) {
			tokens.setAccessTokenResponseConverter(converter);
		}
		return RestClient.builder()
			.requestFactory(requests)
			.configureMessageConverters((converters) -> converters.addCustomConverter(new FormHttpMessageConverter())
				.addCustomConverter(tokens))
			.defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
			.build();
	}

	@Override
	public OAuth2AccessTokenResponse getTokenResponse(T request) {
		TokenResponseFormat format = this.formats.get(request.getClientRegistration().getRegistrationId());
		if (format == null) {
			return this.others.getTokenResponse(request);
		}
		if (format == TokenResponseFormat.STANDARD) {
			return this.standard.getTokenResponse(request);
		}
		try {
			return this.slack.getTokenResponse(request);
		}
		catch (OAuth2AuthorizationException ex) {
			SlackTokenResponseConverter.Refused refused = refusal(ex);
			if (refused == null) {
				throw ex;
			}
			String code = SLACK_ERRORS.getOrDefault(refused.error(), refused.error());
			throw new OAuth2AuthorizationException(
					new OAuth2Error(code, "Slack refused the token request: " + refused.error(), null), ex);
		}
	}

	private static SlackTokenResponseConverter.@Nullable Refused refusal(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SlackTokenResponseConverter.Refused refused) {
				return refused;
			}
		}
		return null;
	}

}
