package io.github.permissionmanager.autoconfigure;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import io.github.permissionmanager.caller.CurrentCaller;
import io.github.permissionmanager.connect.ConnectionAudit;
import io.github.permissionmanager.connect.ConnectionAuthorizationRequests;
import io.github.permissionmanager.connect.ConnectionCatalog;
import io.github.permissionmanager.connect.ConnectionHttpSecurity;
import io.github.permissionmanager.connect.ConnectionTokenResponseClient;
import io.github.permissionmanager.connect.ConnectionValidator;
import io.github.permissionmanager.connect.EncryptedJdbcAuthorizedClientService;
import io.github.permissionmanager.connect.OAuth2ConnectionBackend;
import io.github.permissionmanager.connect.ProblemWriter;
import io.github.permissionmanager.connect.TokenCipher;
import io.github.permissionmanager.web.PermissionProblemExceptionResolver;
import io.github.permissionmanager.web.PermissionProblems;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.security.oauth2.client.autoconfigure.ConditionalOnOAuth2ClientRegistrationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.web.client.RestClient;

/**
 * The OAuth2 side of connections, on Spring Security's OAuth2 client: the authorized
 * clients in the application's database, encrypted; a client manager that refreshes them
 * within the provider timeout; PKCE and preset parameters on authorization requests; and
 * the sign-in and callback guards in every {@code HttpSecurity}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({ ClientRegistration.class, RestClient.class })
@Conditional(ConnectionsCatalogCondition.class)
class PermissionConnectionsOAuth2Configuration {

	@Bean
	ConnectionValidator.Registrations permissionConnectionRegistrations(
			ObjectProvider<ClientRegistrationRepository> repository) {
		return (registrationId) -> {
			ClientRegistrationRepository registrations = repository.getIfAvailable();
			ClientRegistration registration = (registrations != null)
					? registrations.findByRegistrationId(registrationId) : null;
			return (registration != null) ? new ConnectionValidator.RegistrationInfo(registration.getScopes(),
					registration.getAuthorizationGrantType().getValue(), registration.getRedirectUri()) : null;
		};
	}

	/**
	 * What needs client registrations: properties Spring Boot turns into them, or the
	 * application's own repository.
	 */
	@Configuration(proxyBeanMethods = false)
	@Conditional(RegistrationsCondition.class)
	static class RegistrationsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(PermissionStoreDataSource.class)
		OAuth2AuthorizedClientService permissionAuthorizedClientService(PermissionStoreDataSource storeDataSource,
				PermissionEvaluationProperties evaluation, ClientRegistrationRepository registrations,
				TokenCipher cipher, ConnectionAudit audit, ConnectionCatalog catalog) {
			return new EncryptedJdbcAuthorizedClientService(
					PermissionStoreAutoConfiguration.template(storeDataSource.dataSource(), evaluation), registrations,
					cipher, (registrationId, user) -> {
						var connection = catalog.forRegistration(registrationId);
						if (connection != null) {
							audit.connected(connection.name(), user);
						}
					});
		}

		@Bean
		@ConditionalOnMissingBean
		OAuth2AuthorizedClientManager permissionAuthorizedClientManager(ClientRegistrationRepository registrations,
				OAuth2AuthorizedClientService clients, PermissionConnectionsProperties properties,
				ConnectionCatalog catalog) {
			// within the provider timeout, and read as each provider answers (Slack)
			OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> refreshes = ConnectionTokenResponseClient
				.refreshToken(catalog, requestFactory(properties.getProviderTimeout()));
			AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
					registrations, clients);
			manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
				.authorizationCode()
				.refreshToken((refresh) -> refresh.accessTokenResponseClient(refreshes))
				.build());
			// the connection backend decides what a refused refresh removes: never a
			// client another instance has just renewed with a rotated refresh token
			manager.setAuthorizationFailureHandler((failure, principal, attributes) -> {
			});
			return manager;
		}

		@Bean
		OAuth2ConnectionBackend permissionOAuth2ConnectionBackend(OAuth2AuthorizedClientService clients,
				OAuth2AuthorizedClientManager manager, PermissionConnectionsProperties properties,
				ObjectProvider<Clock> clock) {
			return new OAuth2ConnectionBackend(clients, manager,
					RestClient.builder().requestFactory(requestFactory(properties.getProviderTimeout())).build(),
					clock.getIfUnique(Clock::systemUTC));
		}

		@Bean
		@ConditionalOnMissingBean
		OAuth2AuthorizationRequestResolver permissionAuthorizationRequestResolver(
				ClientRegistrationRepository registrations, ConnectionCatalog catalog) {
			return ConnectionAuthorizationRequests.resolver(registrations, catalog);
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnWebApplication(type = Type.SERVLET)
		@ConditionalOnClass(HttpSecurity.class)
		static class HttpSecurityConfiguration {

			@Bean
			Customizer<HttpSecurity> permissionConnectionsHttpSecurity(ConnectionCatalog catalog,
					ClientRegistrationRepository registrations, ObjectProvider<CurrentCaller> caller,
					PermissionConnectionsProperties properties,
					ObjectProvider<PermissionProblemExceptionResolver> problems,
					ObjectProvider<OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest>> codeExchanges) {
				// without Spring MVC's resolver, the plain one writes the same problems
				PermissionProblemExceptionResolver resolver = problems
					.getIfAvailable(() -> new PermissionProblemExceptionResolver(new PermissionProblems(Map.of())));
				ProblemWriter writer = (request, response, ex) -> resolver.resolveException(request, response, null,
						ex);
				// the code exchange of a sign-in: as the provider answers (Slack), within
				// the provider timeout; the application's client, if it has one, for the
				// rest
				OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> codeExchange = ConnectionTokenResponseClient
					.authorizationCode(catalog, requestFactory(properties.getProviderTimeout()),
							codeExchanges.getIfUnique());
				return new ConnectionHttpSecurity(catalog, registrations, caller.getIfUnique(CurrentCaller::new),
						properties.getDefaultReturnTo(), writer, codeExchange);
			}

		}

	}

	private static ClientHttpRequestFactory requestFactory(Duration timeout) {
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(timeout).build());
		factory.setReadTimeout(timeout);
		return factory;
	}

	static class RegistrationsCondition extends AnyNestedCondition {

		RegistrationsCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnOAuth2ClientRegistrationProperties
		static class Properties {

		}

		@ConditionalOnBean(ClientRegistrationRepository.class)
		static class Repository {

		}

	}

}
