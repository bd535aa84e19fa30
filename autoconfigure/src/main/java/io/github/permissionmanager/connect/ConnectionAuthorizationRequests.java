package io.github.permissionmanager.connect;

import java.util.Map;
import java.util.function.Consumer;

import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;

/**
 * Spring Security's authorization requests, as connections need them: every connection's
 * request carries PKCE (RFC 7636), confidential client or not, and the extra parameters
 * its preset or catalog entry names (Google's {@code access_type=offline}, without which
 * there is no refresh token). Requests of other registrations (a login) are left as they
 * are.
 */
public final class ConnectionAuthorizationRequests {

	private ConnectionAuthorizationRequests() {
	}

	/**
	 * The resolver Spring Security's {@code oauth2Client} uses.
	 * @param registrations the client registrations
	 * @param catalog the connections
	 * @return the resolver
	 */
	public static OAuth2AuthorizationRequestResolver resolver(ClientRegistrationRepository registrations,
			ConnectionCatalog catalog) {
		DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
				registrations, DefaultOAuth2AuthorizationRequestResolver.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
		resolver.setAuthorizationRequestCustomizer((builder) -> customize(builder, catalog));
		return resolver;
	}

	private static void customize(OAuth2AuthorizationRequest.Builder builder, ConnectionCatalog catalog) {
		Consumer<OAuth2AuthorizationRequest.Builder> pkce = OAuth2AuthorizationRequestCustomizers.withPkce();
		builder.attributes((attributes) -> {
			Object registrationId = attributes.get(OAuth2ParameterNames.REGISTRATION_ID);
			ConnectionDefinition connection = (registrationId != null)
					? catalog.forRegistration(registrationId.toString()) : null;
			if (connection == null) {
				return;
			}
			if (!attributes.containsKey(PkceParameterNames.CODE_VERIFIER)) {
				pkce.accept(builder);
			}
			Map<String, String> extra = connection.authorizationParameters();
			if (!extra.isEmpty()) {
				builder.additionalParameters((parameters) -> parameters.putAll(extra));
			}
		});
	}

}
