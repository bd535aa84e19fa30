package io.github.permissionmanager.jwttest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * A real Spring Authorization Server, started on a random port by the JWT tests: it
 * issues signed access tokens (client credentials) whose {@code sub} is the client id,
 * with {@code groups} and {@code tenant} claims added by a token customizer
 * ({@code claims-bot} carries a {@code permissions} claim instead of groups), and
 * publishes its keys at its JWK set endpoint. One client per kind of token a test needs;
 * {@code pdp-caller} and {@code pdp-client} are services calling a decision point.
 * <p>
 * Not a {@code @Configuration}: the guarded application's component scan must not find
 * it.
 */
@EnableAutoConfiguration
@Import(OAuth2AuthorizationServerConfiguration.class)
public class TokenIssuer {

	/**
	 * The secret of a client (each must have its own).
	 * @param client the client id
	 * @return its secret
	 */
	public static String secret(String client) {
		return client + "-secret";
	}

	private static @Nullable String url;

	/**
	 * The issuer the test classes of this JVM share, started on a random port the first
	 * time it is asked for and stopped when the JVM exits.
	 * @return its URL
	 */
	public static synchronized String url() {
		if (url == null) {
			ConfigurableApplicationContext issuer = new SpringApplicationBuilder(TokenIssuer.class)
				.properties("server.port=0", "spring.main.banner-mode=off", "permission-manager.enabled=false",
						"spring.datasource.url=jdbc:h2:mem:jwttest-issuer;DB_CLOSE_DELAY=-1")
				.run();
			Runtime.getRuntime().addShutdownHook(new Thread(issuer::close, "token-issuer-stop"));
			url = "http://localhost:" + ((WebServerApplicationContext) issuer).getWebServer().getPort();
		}
		return url;
	}

	/**
	 * An access token of a client (client credentials).
	 * @param issuer the issuer's URL
	 * @param client the client id
	 * @return the token
	 */
	@SuppressWarnings("unchecked")
	public static String token(String issuer, String client) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", "client_credentials");
		Map<String, Object> response = RestClient.create()
			.post()
			.uri(issuer + "/oauth2/token")
			.headers((headers) -> headers.setBasicAuth(client, secret(client)))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form)
			.retrieve()
			.body(Map.class);
		return (String) response.get("access_token");
	}

	@Bean
	RegisteredClientRepository registeredClients() {
		return new InMemoryRegisteredClientRepository(client("ci-bot"), client("globex-bot"), client("outsider"),
				client("nameless"), client("expired"), client("pdp-caller"), client("pdp-client"),
				client("claims-bot"));
	}

	private static RegisteredClient client(String id) {
		return RegisteredClient.withId(id)
			.clientId(id)
			.clientSecret("{noop}" + secret(id))
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.build();
	}

	@Bean
	JWKSource<SecurityContext> jwkSource() throws JOSEException {
		RSAKey key = new RSAKeyGenerator(2048).keyID("issuer-key").generate();
		return new ImmutableJWKSet<>(new JWKSet(key));
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings() {
		// no issuer set: it is the URL the server is reached at
		return AuthorizationServerSettings.builder().build();
	}

	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> groupsAndTenantClaims() {
		return (context) -> {
			JwtClaimsSet.Builder claims = context.getClaims();
			switch (context.getRegisteredClient().getClientId()) {
				case "ci-bot" -> claims.claim("groups", List.of("readers")).claim("tenant", "acme");
				case "globex-bot" -> claims.claim("groups", List.of("readers")).claim("tenant", "globex");
				case "claims-bot" ->
					claims.claim("permissions", List.of("board:read", "card:*")).claim("tenant", "acme");
				case "nameless" -> claims.claim("groups", List.of("readers")).claims((all) -> all.remove("sub"));
				case "expired" -> {
					Instant issued = Instant.now().minus(Duration.ofHours(3));
					claims.claim("groups", List.of("readers"))
						.issuedAt(issued)
						.notBefore(issued)
						.expiresAt(issued.plus(Duration.ofHours(1)));
				}
				default -> {
				}
			}
		};
	}

}
