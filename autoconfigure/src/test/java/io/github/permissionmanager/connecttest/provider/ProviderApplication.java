package io.github.permissionmanager.connecttest.provider;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.preauth.x509.X509AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A stand-in for the provider of a connection, in an application of its own: a real
 * Spring Authorization Server (authorization code with PKCE, refresh tokens, RFC 7009
 * revocation; users sign in with HTTP Basic) and a small calendar API that accepts a
 * bearer token only when this server issued it, it is still active and it carries the
 * scope, and a weather API that wants an API key.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = DataSourceAutoConfiguration.class)
@Import(ProviderApplication.Api.class)
public class ProviderApplication {

	/** The API key the weather API accepts. */
	public static final String API_KEY = "wk-7f3a91";

	/**
	 * Start the provider on a random port.
	 * @return the running application
	 */
	public static ConfigurableApplicationContext start() {
		return new SpringApplication(ProviderApplication.class).run("--server.port=0", "--spring.config.name=provider",
				"--permission-manager.enabled=false", "--spring.main.banner-mode=off");
	}

	// The authorization server reads the user before its own HTTP Basic filter would
	// run (it expects a login session): this one authenticates first
	@Bean
	@Order(1)
	SecurityFilterChain authorizationServer(HttpSecurity http, UserDetailsService users) {
		http.addFilterBefore(new BasicAuthenticationFilter(new ProviderManager(new DaoAuthenticationProvider(users))),
				X509AuthenticationFilter.class);
		http.oauth2AuthorizationServer((server) -> http.securityMatcher(server.getEndpointsMatcher()))
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.httpBasic(Customizer.withDefaults())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain api(HttpSecurity http) {
		// the API checks its bearer tokens and keys itself, below
		http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll()).csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	UserDetailsService providerUsers() {
		InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
		for (String name : List.of("bob", "alice", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy",
				"mallory", "niaj", "olivia", "peggy", "quentin", "rupert", "sybil", "trent", "uma", "victor", "walter",
				"xena", "yuri", "fay", "hal", "ida")) {
			users.createUser(User.withUsername(name).password("{noop}" + name + "-at-provider").roles("USER").build());
		}
		return users;
	}

	// "app" is granted every scope it asks for; "consenting" asks its user, who may
	// grant fewer. Loopback redirect URIs match on any port.
	@Bean
	RegisteredClientRepository registeredClients() {
		return new InMemoryRegisteredClientRepository(client("app", "calendar", false),
				client("consenting", "calendar-admin", true));
	}

	private static RegisteredClient client(String id, String registration, boolean consent) {
		return RegisteredClient.withId(id)
			.clientId(id)
			.clientSecret("{noop}" + id + "-secret")
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
			.redirectUri("http://127.0.0.1/oauth2/connected/" + registration)
			.scope("calendar.events")
			.scope("calendar.admin")
			.clientSettings(ClientSettings.builder().requireAuthorizationConsent(consent).build())
			// a new refresh token at every refresh, as many providers do
			.tokenSettings(TokenSettings.builder().reuseRefreshTokens(false).build())
			.build();
	}

	@Bean
	JWKSource<SecurityContext> jwkSource() throws JOSEException {
		return new ImmutableJWKSet<>(new JWKSet(new RSAKeyGenerator(2048).keyID("provider-key").generate()));
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings() {
		return AuthorizationServerSettings.builder().build();
	}

	// a bean, so the authorization server and the API share what was issued and revoked
	@Bean
	OAuth2AuthorizationService authorizationService() {
		return new InMemoryOAuth2AuthorizationService();
	}

	@Bean
	ApiCalls apiCalls() {
		return new ApiCalls();
	}

	/**
	 * What the APIs received.
	 */
	public static class ApiCalls {

		/** The bearer tokens the calendar API accepted, in order. */
		public final List<String> acceptedTokens = new CopyOnWriteArrayList<>();

		/** The bearer tokens it refused. */
		public final List<String> refusedTokens = new CopyOnWriteArrayList<>();

		/**
		 * The requests the forecast API received, as "form" or "json" and what it
		 * answered.
		 */
		public final List<String> forecasts = new CopyOnWriteArrayList<>();

	}

	@RestController
	static class Api {

		private final OAuth2AuthorizationService authorizations;

		private final ApiCalls calls;

		Api(OAuth2AuthorizationService authorizations, ApiCalls calls) {
			this.authorizations = authorizations;
			this.calls = calls;
		}

		@PostMapping("/api/calendar/events")
		ResponseEntity<Map<String, Object>> addEvent(HttpServletRequest request) {
			return calendar(request, "calendar.events");
		}

		@GetMapping("/api/calendar/admin")
		ResponseEntity<Map<String, Object>> admin(HttpServletRequest request) {
			return calendar(request, "calendar.admin");
		}

		@GetMapping("/api/weather")
		ResponseEntity<Map<String, Object>> weather(@RequestHeader(name = "X-Api-Key", required = false) String key) {
			if (!API_KEY.equals(key)) {
				return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
			}
			return ResponseEntity.ok(Map.of("forecast", "sunny"));
		}

		// an API that wants its key in the body, as a form field or a JSON member
		@PostMapping(path = "/api/forecast/form", consumes = "application/x-www-form-urlencoded")
		ResponseEntity<Map<String, Object>> forecastForm(@RequestParam MultiValueMap<String, String> form) {
			return forecast("form", form.get("api_key"), form.getFirst("city"));
		}

		@PostMapping(path = "/api/forecast/json", consumes = "application/json")
		ResponseEntity<Map<String, Object>> forecastJson(@RequestBody Map<String, Object> body) {
			Object key = body.get("api_key");
			return forecast("json", (key != null) ? List.of(key.toString()) : null, (String) body.get("city"));
		}

		private ResponseEntity<Map<String, Object>> forecast(String kind, List<String> keys, String city) {
			boolean accepted = keys != null && keys.equals(List.of(API_KEY)) && city != null;
			this.calls.forecasts.add(kind + " " + (accepted ? "accepted" : "refused"));
			return accepted ? ResponseEntity.ok(Map.of("forecast", "sunny in " + city))
					: ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
		}

		private ResponseEntity<Map<String, Object>> calendar(HttpServletRequest request, String scope) {
			String header = request.getHeader("Authorization");
			String token = (header != null && header.startsWith("Bearer ")) ? header.substring(7) : null;
			OAuth2Authorization authorization = (token != null)
					? this.authorizations.findByToken(token, OAuth2TokenType.ACCESS_TOKEN) : null;
			OAuth2Authorization.Token<OAuth2AccessToken> access = (authorization != null)
					? authorization.getToken(OAuth2AccessToken.class) : null;
			if (access == null || !access.isActive() || !access.getToken().getScopes().contains(scope)) {
				if (token != null) {
					this.calls.refusedTokens.add(token);
				}
				return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
					.header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
					.build();
			}
			this.calls.acceptedTokens.add(token);
			return ResponseEntity
				.ok(Map.of("created", true, "user", authorization.getPrincipalName(), "at", Instant.now().toString()));
		}

	}

}
