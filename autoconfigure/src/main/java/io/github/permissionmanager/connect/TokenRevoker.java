package io.github.permissionmanager.connect;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.github.permissionmanager.ConnectionSignedOutEvent.Revocation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.log.LogMessage;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.util.Assert;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Revokes an authorized client's tokens at the provider's revocation endpoint (RFC 7009):
 * the refresh token first (which ends the grant at most providers), then the access
 * token, each a form POST authenticated as the client registration says
 * ({@code client_secret_basic}, {@code client_secret_post} or {@code none}). Only a 200
 * for every token counts as revoked. Tokens are never logged.
 */
final class TokenRevoker {

	private static final Log logger = LogFactory.getLog(TokenRevoker.class);

	private final RestClient http;

	/**
	 * Create a revoker.
	 * @param http the client to call providers with, with its timeouts set
	 */
	TokenRevoker(RestClient http) {
		Assert.notNull(http, "http cannot be null");
		this.http = http;
	}

	Revocation revoke(OAuth2AuthorizedClient client, String revocationUri) {
		ClientRegistration registration = client.getClientRegistration();
		try {
			if (client.getRefreshToken() != null) {
				post(registration, revocationUri, client.getRefreshToken().getTokenValue(), "refresh_token");
			}
			post(registration, revocationUri, client.getAccessToken().getTokenValue(), "access_token");
			return Revocation.REVOKED;
		}
		catch (RuntimeException ex) {
			logger.warn(LogMessage.format("Could not revoke the tokens of '%s' for %s at %s: %s",
					registration.getRegistrationId(), client.getPrincipalName(), revocationUri,
					ex.getClass().getName()));
			return Revocation.FAILED;
		}
	}

	private void post(ClientRegistration registration, String uri, String token, String hint) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("token", token);
		form.add("token_type_hint", hint);
		ClientAuthenticationMethod method = registration.getClientAuthenticationMethod();
		RestClient.RequestBodySpec request = this.http.post()
			.uri(uri)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED);
		if (ClientAuthenticationMethod.CLIENT_SECRET_BASIC.equals(method)) {
			// RFC 6749 2.3.1: both form-encoded before Basic
			request.headers((headers) -> headers.setBasicAuth(encode(registration.getClientId()),
					encode(String.valueOf(registration.getClientSecret()))));
		}
		else if (ClientAuthenticationMethod.CLIENT_SECRET_POST.equals(method)) {
			form.add("client_id", registration.getClientId());
			form.add("client_secret", registration.getClientSecret());
		}
		else if (ClientAuthenticationMethod.NONE.equals(method)) {
			form.add("client_id", registration.getClientId());
		}
		else {
			throw new IllegalStateException("client authentication " + method.getValue() + " is not supported");
		}
		request.body(form).retrieve().toBodilessEntity();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
