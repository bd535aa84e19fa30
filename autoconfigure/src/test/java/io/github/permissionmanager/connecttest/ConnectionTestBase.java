package io.github.permissionmanager.connecttest;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.permissionmanager.connecttest.app.ConnectTestApplication;
import io.github.permissionmanager.connecttest.provider.ProviderApplication;
import io.github.permissionmanager.connecttest.provider.SlackStandIn;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application of the connection tests on a random port, and beside it the stand-in
 * provider: a real Spring Authorization Server and a resource API that checks the bearer
 * token, in an application of their own, started once for every test class (they share
 * one application context, and the provider stops with the JVM). Every user is a plain
 * user, and each test has its own, so no test sees another's connections.
 */
@SpringBootTest(classes = ConnectTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.io.github.permissionmanager=TRACE",
				"logging.level.org.springframework.security=DEBUG" })
@TestPropertySource("classpath:connecttest/connect.properties")
@ExtendWith(OutputCaptureExtension.class)
abstract class ConnectionTestBase {

	static final ConfigurableApplicationContext provider = ProviderApplication.start();

	static final ServerSocket SILENT = silentServer();

	static final String PROVIDER = "http://127.0.0.1:" + provider.getEnvironment().getProperty("local.server.port");

	static final SlackStandIn slack = SlackStandIn.start();

	final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	ConnectTestApplication.Calls calls;

	@Autowired
	OAuth2AuthorizedClientService clients;

	@Autowired
	ClientRegistrationRepository registrations;

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void provider(DynamicPropertyRegistry registry) {
		registry.add("test.provider-url", () -> PROVIDER);
		// the slack preset, its endpoints moved to the stand-in
		registry.add("test.slack-url", slack::url);
		registry.add("spring.security.oauth2.client.provider.slack.authorization-uri",
				() -> slack.url() + "/oauth/v2/authorize");
		registry.add("spring.security.oauth2.client.provider.slack.token-uri",
				() -> slack.url() + "/api/oauth.v2.access");
		for (String registration : List.of("calendar", "calendar-admin")) {
			registry.add("spring.security.oauth2.client.provider." + registration + ".authorization-uri",
					() -> PROVIDER + "/oauth2/authorize");
			registry.add("spring.security.oauth2.client.provider." + registration + ".token-uri",
					() -> PROVIDER + "/oauth2/token");
		}
		registry.add("permission-manager.connections.catalog.calendar.revocation-uri",
				() -> PROVIDER + "/oauth2/revoke");
		// a provider that is down: nothing listens on this port
		int dead = freePort();
		registry.add("spring.security.oauth2.client.provider.flaky.authorization-uri",
				() -> "http://127.0.0.1:" + dead + "/oauth2/authorize");
		registry.add("spring.security.oauth2.client.provider.flaky.token-uri",
				() -> "http://127.0.0.1:" + dead + "/oauth2/token");
		registry.add("permission-manager.connections.catalog.flaky.revocation-uri",
				() -> "http://127.0.0.1:" + dead + "/oauth2/revoke");
		// a provider that hangs: it accepts the connection and never answers
		registry.add("spring.security.oauth2.client.provider.hanging.authorization-uri",
				() -> "http://127.0.0.1:" + SILENT.getLocalPort() + "/oauth2/authorize");
		registry.add("spring.security.oauth2.client.provider.hanging.token-uri",
				() -> "http://127.0.0.1:" + SILENT.getLocalPort() + "/oauth2/token");
	}

	ProviderApplication.ApiCalls api() {
		return provider.getBean(ProviderApplication.ApiCalls.class);
	}

	String app() {
		return "http://127.0.0.1:" + this.port;
	}

	void expire(String user) {
		expire("calendar", user);
	}

	void expire(String registration, String user) {
		Instant now = Instant.now();
		assertThat(this.jdbc.update(
				"UPDATE oauth2_authorized_client SET access_token_issued_at = ?, access_token_expires_at = ? "
						+ "WHERE client_registration_id = ? AND principal_name = ?",
				Timestamp.from(now.minus(2, ChronoUnit.HOURS)), Timestamp.from(now.minus(1, ChronoUnit.HOURS)),
				registration, user))
			.isEqualTo(1);
	}

	// Holds every connection open without a byte of answer
	private static ServerSocket silentServer() {
		try {
			ServerSocket server = new ServerSocket(0);
			List<Socket> held = new CopyOnWriteArrayList<>();
			Thread acceptor = new Thread(() -> {
				while (!server.isClosed()) {
					try {
						held.add(server.accept());
					}
					catch (IOException ex) {
						return;
					}
				}
			}, "silent-provider");
			acceptor.setDaemon(true);
			acceptor.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	void saveExpiredClient(String registration, String user) {
		Instant now = Instant.now();
		this.clients.saveAuthorizedClient(
				new OAuth2AuthorizedClient(this.registrations.findByRegistrationId(registration), user,
						new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "expired-access",
								now.minus(2, ChronoUnit.HOURS), now.minus(1, ChronoUnit.HOURS),
								Set.of("calendar.events")),
						new OAuth2RefreshToken("some-refresh", now.minus(2, ChronoUnit.HOURS))),
				new UsernamePasswordAuthenticationToken(user, null, AuthorityUtils.NO_AUTHORITIES));
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
