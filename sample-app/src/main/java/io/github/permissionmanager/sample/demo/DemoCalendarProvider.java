package io.github.permissionmanager.sample.demo;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.preauth.x509.X509AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The {@code demo} profile's stand-in for a calendar provider, inside the sample itself
 * so the connections walkthrough runs offline: a Spring Authorization Server (its users
 * are the sample's, signing in with HTTP Basic) and a calendar API under
 * {@code /demo-calendar} that accepts only an access token this server issued, still
 * active and carrying {@code calendar.events}. A real application points its client
 * registration at Google or Microsoft instead (see the README).
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
public class DemoCalendarProvider {

	// The authorization server reads the user before the usual HTTP Basic filter would
	// run (it expects a login session): this one authenticates first
	@Bean
	@Order(1)
	SecurityFilterChain demoAuthorizationServer(HttpSecurity http, UserDetailsService users) {
		http.addFilterBefore(new BasicAuthenticationFilter(new ProviderManager(new DaoAuthenticationProvider(users))),
				X509AuthenticationFilter.class);
		http.oauth2AuthorizationServer((server) -> http.securityMatcher(server.getEndpointsMatcher()))
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	// The calendar API checks its bearer tokens itself
	@Bean
	@Order(2)
	SecurityFilterChain demoCalendarApiSecurity(HttpSecurity http) {
		http.securityMatcher("/demo-calendar/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	OAuth2AuthorizationService demoAuthorizations() {
		return new InMemoryOAuth2AuthorizationService();
	}

	/**
	 * The stand-in calendar: adds an event for the owner of the token.
	 */
	@RestController
	@Profile("demo")
	static class DemoCalendarApi {

		private final OAuth2AuthorizationService authorizations;

		DemoCalendarApi(OAuth2AuthorizationService authorizations) {
			this.authorizations = authorizations;
		}

		@PostMapping("/demo-calendar/events")
		ResponseEntity<Map<String, Object>> add(HttpServletRequest request, @RequestBody Map<String, Object> event) {
			OAuth2Authorization authorization = authorization(request.getHeader("Authorization"));
			if (authorization == null) {
				return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
					.header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
					.build();
			}
			Map<String, Object> added = new LinkedHashMap<>();
			added.put("summary", String.valueOf(event.get("summary")));
			added.put("calendar", authorization.getPrincipalName());
			return ResponseEntity.status(HttpStatus.CREATED).body(added);
		}

		private @Nullable OAuth2Authorization authorization(@Nullable String header) {
			if (header == null || !header.startsWith("Bearer ")) {
				return null;
			}
			OAuth2Authorization authorization = this.authorizations.findByToken(header.substring(7),
					OAuth2TokenType.ACCESS_TOKEN);
			OAuth2Authorization.Token<OAuth2AccessToken> token = (authorization != null)
					? authorization.getToken(OAuth2AccessToken.class) : null;
			return (token != null && token.isActive() && token.getToken().getScopes().contains("calendar.events"))
					? authorization : null;
		}

	}

}
