package io.github.permissionmanager.autoconfigure;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.permissionmanager.Connections;
import io.github.permissionmanager.connect.ConnectionPreset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every preset, as the README promises it: an application writes a client id, a secret
 * and the preset's name, nothing else; the application starts, the client registration
 * has the provider's endpoints and scopes, and a token carrying the scopes as that
 * provider answers them (Slack's comma-separated, Microsoft's without
 * {@code offline_access}, which asks for a refresh token and is never granted as a scope)
 * is a usable connection. A token lacking a scope is not.
 */
class ConnectionPresetTests {

	// The scope parameter of each provider's token response to the preset's request
	private static final Map<String, String> ANSWERED = Map.of("github", "repo", "gitlab", "read_api",
			"google-calendar", "https://www.googleapis.com/auth/calendar.events", "google-drive",
			"https://www.googleapis.com/auth/drive.file", "gmail", "https://www.googleapis.com/auth/gmail.send",
			"slack", "channels:read,chat:write", "microsoft", "User.Read openid profile email");

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, PermissionManagerAutoConfiguration.class,
				PermissionStoreAutoConfiguration.class, PermissionConnectionsAutoConfiguration.class,
				OAuth2ClientAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true",
				"permission-manager.connections.encryption-key=" + Base64.getEncoder().encodeToString(new byte[32]));

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	static List<String> presets() {
		assertThat(ConnectionPreset.names()).containsExactlyInAnyOrderElementsOf(ANSWERED.keySet());
		return ConnectionPreset.names();
	}

	@ParameterizedTest
	@MethodSource("presets")
	void aClientIdASecretAndThePresetsNameMakeAWorkingConnection(String name) {
		ConnectionPreset preset = ConnectionPreset.find(name);
		this.runner
			.withPropertyValues("permission-manager.connections.catalog.service.preset=" + name,
					"spring.security.oauth2.client.registration.service.client-id=app",
					"spring.security.oauth2.client.registration.service.client-secret=secret")
			.withInitializer((context) -> new ConnectionPresetsEnvironmentPostProcessor()
				.postProcessEnvironment(context.getEnvironment(), new SpringApplication()))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ClientRegistration registration = context.getBean(ClientRegistrationRepository.class)
					.findByRegistrationId("service");
				assertThat(registration.getProviderDetails().getAuthorizationUri())
					.isEqualTo(preset.authorizationUri());
				assertThat(registration.getProviderDetails().getTokenUri()).isEqualTo(preset.tokenUri());
				assertThat(registration.getScopes()).containsExactlyInAnyOrderElementsOf(preset.scopes());
				assertThat(registration.getClientAuthenticationMethod().getValue())
					.isEqualTo(preset.clientAuthenticationMethod());
				assertThat(registration.getAuthorizationGrantType().getValue()).isEqualTo("authorization_code");
				assertThat(registration.getRedirectUri())
					.isEqualTo(ConnectionPresetsEnvironmentPostProcessor.REDIRECT_URI);
				OAuth2AuthorizedClientService clients = context.getBean(OAuth2AuthorizedClientService.class);
				Connections connections = context.getBean(Connections.class);
				// a valid token, so no provider is asked for a refresh
				save(clients, registration, "alice", Set.of(ANSWERED.get(name).split(" ")));
				signIn("alice");
				assertThat(connections.isAvailable("service")).as(ANSWERED.get(name)).isTrue();
				Set<String> fewer = new LinkedHashSet<>(List.of(ANSWERED.get(name).split(" ")));
				fewer.remove(fewer.iterator().next());
				save(clients, registration, "bob", fewer);
				signIn("bob");
				assertThat(connections.isAvailable("service")).as("without the first scope").isFalse();
			});
	}

	private static void save(OAuth2AuthorizedClientService clients, ClientRegistration registration, String user,
			Set<String> scopes) {
		Instant now = Instant.now();
		clients.saveAuthorizedClient(
				new OAuth2AuthorizedClient(registration, user, new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
						"token-of-" + user, now, now.plus(1, ChronoUnit.HOURS), scopes)),
				authentication(user));
	}

	private static void signIn(String user) {
		SecurityContextHolder.getContext().setAuthentication(authentication(user));
	}

	private static Authentication authentication(String user) {
		return UsernamePasswordAuthenticationToken.authenticated(user, null,
				AuthorityUtils.createAuthorityList("ROLE_USER"));
	}

}
