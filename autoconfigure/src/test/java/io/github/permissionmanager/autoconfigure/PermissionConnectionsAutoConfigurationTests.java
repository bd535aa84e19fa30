package io.github.permissionmanager.autoconfigure;

import java.util.Base64;

import io.github.permissionmanager.Connection;
import io.github.permissionmanager.Connections;
import io.github.permissionmanager.InvalidConnectionsException;
import io.github.permissionmanager.RequiresConnections;
import io.github.permissionmanager.connect.ConnectionAdvisor;
import io.github.permissionmanager.connect.ConnectionCatalog;
import io.github.permissionmanager.connect.ConnectionDefinition;
import io.github.permissionmanager.connect.EncryptedJdbcAuthorizedClientService;
import io.github.permissionmanager.connect.TokenCipher;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The connections' auto-configuration: the checks are always there, the rest comes with a
 * catalog; tokens go to the database encrypted, and only with a key; presets fill the
 * client registration; every problem of the catalog and the annotations is in one startup
 * message; every bean backs off.
 */
class PermissionConnectionsAutoConfigurationTests {

	private static final String KEY = "permission-manager.connections.encryption-key="
			+ Base64.getEncoder().encodeToString(new byte[32]);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, PermissionManagerAutoConfiguration.class,
				PermissionStoreAutoConfiguration.class, PermissionConnectionsAutoConfiguration.class,
				OAuth2ClientAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true");

	private final ApplicationContextRunner withCalendar = this.runner.withPropertyValues(KEY,
			"permission-manager.connections.catalog.calendar.scopes=calendar.events",
			"spring.security.oauth2.client.registration.calendar.client-id=app",
			"spring.security.oauth2.client.registration.calendar.client-secret=secret",
			"spring.security.oauth2.client.registration.calendar.authorization-grant-type=authorization_code",
			"spring.security.oauth2.client.registration.calendar.redirect-uri={baseUrl}/oauth2/connected/{registrationId}",
			"spring.security.oauth2.client.registration.calendar.scope=calendar.events",
			"spring.security.oauth2.client.provider.calendar.authorization-uri=https://provider.example/authorize",
			"spring.security.oauth2.client.provider.calendar.token-uri=https://provider.example/token");

	@Test
	void withoutACatalogOnlyTheChecksAreThereAndNothingAsksForAKey() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.hasSingleBean(ConnectionAdvisor.class)
			.hasSingleBean(ConnectionCatalog.class)
			.doesNotHaveBean(Connections.class)
			.doesNotHaveBean(TokenCipher.class)
			.doesNotHaveBean(OAuth2AuthorizedClientService.class));
	}

	@Test
	void withACatalogTokensAreKeptInTheDatabaseEncrypted() {
		this.withCalendar.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(Connections.class);
			assertThat(context.getBean(OAuth2AuthorizedClientService.class))
				.isInstanceOf(EncryptedJdbcAuthorizedClientService.class);
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(javax.sql.DataSource.class));
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM oauth2_authorized_client", Integer.class)).isZero();
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pm_connection_keys", Integer.class)).isZero();
		});
	}

	@Test
	void withACatalogAndNoKeyTheApplicationDoesNotStart() {
		this.withCalendar.withPropertyValues("permission-manager.connections.encryption-key=")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("permission-manager.connections.encryption-key is not set")
				.hasMessageContaining("openssl rand -base64 32"));
	}

	@Test
	void withoutADataSourceTokensStayInMemoryAndNoKeyIsNeeded() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(PermissionManagerAutoConfiguration.class,
					PermissionConnectionsAutoConfiguration.class, OAuth2ClientAutoConfiguration.class))
			.withPropertyValues("permission-manager.connections.catalog.calendar.scopes=calendar.events",
					"spring.security.oauth2.client.registration.calendar.client-id=app",
					"spring.security.oauth2.client.registration.calendar.authorization-grant-type=authorization_code",
					"spring.security.oauth2.client.registration.calendar.redirect-uri={baseUrl}/cb",
					"spring.security.oauth2.client.registration.calendar.scope=calendar.events",
					"spring.security.oauth2.client.provider.calendar.authorization-uri=https://p.example/a",
					"spring.security.oauth2.client.provider.calendar.token-uri=https://p.example/t")
			.run((context) -> assertThat(context).hasNotFailed()
				.getBean(OAuth2AuthorizedClientService.class)
				.isInstanceOf(InMemoryOAuth2AuthorizedClientService.class));
	}

	@Test
	void everyProblemOfTheCatalogAndTheAnnotationsIsListedInOneMessage() {
		this.withCalendar
			.withPropertyValues("permission-manager.connections.catalog.calendar.scopes=calendar.events,calendar.admin",
					"permission-manager.connections.catalog.drive.preset=google-drvie",
					"permission-manager.connections.catalog.drive.registration=drive",
					"permission-manager.connections.catalog.slack.registration=slack",
					"permission-manager.connections.catalog.weather.type=api-key")
			.withBean(Guarded.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).isInstanceOf(InvalidConnectionsException.class);
				assertThat(((InvalidConnectionsException) context.getStartupFailure()).getProblems())
					.containsExactlyInAnyOrder(
							"Connection 'drive' names preset 'google-drvie', which does not exist (presets: github, gitlab, "
									+ "google-calendar, google-drive, gmail, slack, microsoft)",
							"Connection 'weather' is an API key without a key-name (the header, query parameter or body "
									+ "field that carries it)",
							"Connection 'calendar' needs scope [calendar.admin], which client registration 'calendar' does "
									+ "not request (it requests [calendar.events])",
							"Connection 'drive' names client registration 'drive', which does not exist "
									+ "(spring.security.oauth2.client.registration.drive)",
							"Connection 'slack' names client registration 'slack', which does not exist "
									+ "(spring.security.oauth2.client.registration.slack)",
							Guarded.class.getName() + "#publish requires connection 'github', which "
									+ "permission-manager.connections.catalog does not have",
							Guarded.class.getName()
									+ "#publish (connection 'calendar') needs scope [calendar.write], which "
									+ "client registration 'calendar' does not request (it requests [calendar.events])");
				assertThat(context.getStartupFailure()).hasMessageStartingWith("Permission Manager found 7 problems");
			});
	}

	@Test
	void aConnectionOnTheLoginCallbackStopsTheStart() {
		this.withCalendar.withPropertyValues(
				"spring.security.oauth2.client.registration.calendar.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("Connection 'calendar' uses client registration 'calendar', whose redirect-uri "
						+ "{baseUrl}/login/oauth2/code/{registrationId} is the OAuth2 login callback"));
	}

	@Test
	void anAnnotationWithoutACatalogStopsTheStartRatherThanGuardNothing() {
		this.runner.withBean(Guarded.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.isInstanceOf(InvalidConnectionsException.class)
				.hasMessageContaining("requires connection 'calendar', which permission-manager.connections.catalog "
						+ "does not have"));
	}

	@Test
	void aFinalGuardedMethodStopsTheStart() {
		this.withCalendar.withBean(FinalGuarded.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining(FinalGuarded.class.getName()
						+ "#publish is private, static or final, so @RequiresConnections cannot guard it"));
	}

	@Test
	void aReadyMadeGuardedSingletonThatNoProxyGuardsStopsTheStart() {
		this.withCalendar
			.withInitializer((context) -> context.getBeanFactory().registerSingleton("readyMade", new CalendarOnly()))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("bean 'readyMade' (" + CalendarOnly.class.getName()
						+ ") has @RequiresConnections methods but is not proxied by Permission Manager"));
	}

	@Test
	void aGuardedBeanSpringCreatesIsProxiedAndStarts() {
		this.withCalendar.withBean(CalendarOnly.class)
			.run((context) -> assertThat(context).hasNotFailed()
				.getBean(CalendarOnly.class)
				.satisfies((bean) -> assertThat(AopUtils.isAopProxy(bean)).isTrue()));
	}

	@Test
	void aReactiveGuardedMethodStopsTheStart() {
		this.withCalendar.withBean(ReactiveGuarded.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining(ReactiveGuarded.class.getName()
						+ "#publish returns a Mono: @RequiresConnections guards servlet (blocking) methods only"));
	}

	@Test
	void aPresetFillsTheRegistrationSoTheApplicationWritesOnlyItsClient() {
		this.runner
			.withPropertyValues(KEY, "permission-manager.connections.catalog.calendar.preset=google-calendar",
					"spring.security.oauth2.client.registration.calendar.client-id=app",
					"spring.security.oauth2.client.registration.calendar.client-secret=secret")
			.withInitializer((context) -> new ConnectionPresetsEnvironmentPostProcessor()
				.postProcessEnvironment(context.getEnvironment(), new SpringApplication()))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ClientRegistration registration = context.getBean(ClientRegistrationRepository.class)
					.findByRegistrationId("calendar");
				assertThat(registration.getProviderDetails().getAuthorizationUri())
					.isEqualTo("https://accounts.google.com/o/oauth2/v2/auth");
				assertThat(registration.getProviderDetails().getTokenUri())
					.isEqualTo("https://oauth2.googleapis.com/token");
				assertThat(registration.getScopes()).containsExactly("https://www.googleapis.com/auth/calendar.events");
				assertThat(registration.getRedirectUri()).isEqualTo("{baseUrl}/oauth2/connected/{registrationId}");
				assertThat(registration.getAuthorizationGrantType().getValue()).isEqualTo("authorization_code");
				ConnectionDefinition calendar = context.getBean(ConnectionCatalog.class).find("calendar");
				assertThat(calendar.revocationUri()).isEqualTo("https://oauth2.googleapis.com/revoke");
				assertThat(calendar.scopes()).containsExactly("https://www.googleapis.com/auth/calendar.events");
				assertThat(calendar.authorizationParameters()).containsEntry("access_type", "offline");
			});
	}

	@Test
	void whatTheApplicationSetsWinsOverThePreset() {
		this.runner.withPropertyValues(KEY, "permission-manager.connections.catalog.drive.preset=google-drive",
				"spring.security.oauth2.client.registration.drive.client-id=app",
				"spring.security.oauth2.client.registration.drive.scope=https://www.googleapis.com/auth/drive.readonly")
			.withInitializer((context) -> new ConnectionPresetsEnvironmentPostProcessor()
				.postProcessEnvironment(context.getEnvironment(), new SpringApplication()))
			.run((context) -> {
				assertThat(context).hasFailed();
				// the preset's scope is what the entry needs, and the application asked
				// for another one: the start says so
				assertThat(context.getStartupFailure()).hasMessageContaining(
						"Connection 'drive' needs scope [https://www.googleapis.com/auth/drive.file], which client "
								+ "registration 'drive' does not request (it requests "
								+ "[https://www.googleapis.com/auth/drive.readonly])");
			});
	}

	@Test
	void everyBeanBacksOffForTheApplicationsOwn() {
		this.withCalendar.withBean(Connections.class, () -> mock(Connections.class))
			.withBean(TokenCipher.class, () -> TokenCipher.of(Base64.getEncoder().encodeToString(new byte[32])))
			.withBean(OAuth2AuthorizedClientService.class,
					() -> new InMemoryOAuth2AuthorizedClientService(mock(ClientRegistrationRepository.class)))
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(Connections.class).hasSingleBean(TokenCipher.class);
				assertThat(context.getBean(OAuth2AuthorizedClientService.class))
					.isInstanceOf(InMemoryOAuth2AuthorizedClientService.class);
			});
	}

	@Test
	void disabledProvidesNothing() {
		this.withCalendar.withPropertyValues("permission-manager.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ConnectionAdvisor.class)
				.doesNotHaveBean(Connections.class)
				.doesNotHaveBean(TokenCipher.class));
	}

	static class Guarded {

		@RequiresConnections(
				required = { @Connection("github"), @Connection(value = "calendar", scopes = "calendar.write") })
		public void publish() {
		}

	}

	static class ReactiveGuarded {

		@RequiresConnections(required = @Connection("calendar"))
		public Mono<String> publish() {
			return Mono.just("published");
		}

	}

	static class CalendarOnly {

		@RequiresConnections(required = @Connection("calendar"))
		public void publish() {
		}

	}

	static class FinalGuarded {

		@RequiresConnections(required = @Connection("calendar"))
		public final void publish() {
		}

	}

}
