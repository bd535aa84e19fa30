package io.github.permissionmanager.connect;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.permissionmanager.web.CatalogMessage;
import org.junit.jupiter.api.Test;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Which client exchanges a sign-in's code: the application's own (or Spring Security's)
 * for registrations outside the catalog and for standard connections, the Slack reading
 * for a connection whose token-response is slack.
 */
class ConnectionTokenResponseClientTests {

	private final OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> application = (
			request) -> OAuth2AccessTokenResponse
				.withToken("from-the-application-for-" + request.getClientRegistration().getRegistrationId())
				.tokenType(OAuth2AccessToken.TokenType.BEARER)
				.build();

	@Test
	void theApplicationsClientServesEveryRegistrationButSlacks() throws IOException {
		ConnectionTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> client = ConnectionTokenResponseClient
			.authorizationCode(catalog(), new JdkClientHttpRequestFactory(), this.application);
		int closed = closedPort();
		assertThat(client.getTokenResponse(request("login", closed)).getAccessToken().getTokenValue())
			.isEqualTo("from-the-application-for-login");
		assertThat(client.getTokenResponse(request("calendar", closed)).getAccessToken().getTokenValue())
			.isEqualTo("from-the-application-for-calendar");
		// the Slack connection goes to its token endpoint (nothing listens there)
		assertThatExceptionOfType(OAuth2AuthorizationException.class)
			.isThrownBy(() -> client.getTokenResponse(request("workspace", closed)))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_token_response"));
	}

	private static ConnectionCatalog catalog() {
		Map<String, ConnectionDefinition> entries = new LinkedHashMap<>();
		entries.put("calendar", connection("calendar", "calendar", TokenResponseFormat.STANDARD));
		entries.put("slack", connection("slack", "workspace", TokenResponseFormat.SLACK));
		return new ConnectionCatalog(entries);
	}

	private static ConnectionDefinition connection(String name, String registration, TokenResponseFormat format) {
		return new ConnectionDefinition(name, ConnectionDefinition.Kind.OAUTH2, registration, List.of(), null, Map.of(),
				format, null, CatalogMessage.empty());
	}

	private static OAuth2AuthorizationCodeGrantRequest request(String registrationId, int port) {
		ClientRegistration registration = ClientRegistration.withRegistrationId(registrationId)
			.clientId("app")
			.clientSecret("secret")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("http://localhost/callback")
			.authorizationUri("http://127.0.0.1:" + port + "/authorize")
			.tokenUri("http://127.0.0.1:" + port + "/token")
			.build();
		OAuth2AuthorizationRequest authorization = OAuth2AuthorizationRequest.authorizationCode()
			.authorizationUri(registration.getProviderDetails().getAuthorizationUri())
			.clientId("app")
			.redirectUri("http://localhost/callback")
			.state("state")
			.build();
		OAuth2AuthorizationResponse response = OAuth2AuthorizationResponse.success("code")
			.redirectUri("http://localhost/callback")
			.state("state")
			.build();
		return new OAuth2AuthorizationCodeGrantRequest(registration,
				new OAuth2AuthorizationExchange(authorization, response));
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
