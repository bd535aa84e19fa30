package io.github.permissionmanager.sample.security;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Authentication only: every endpoint but the public schedule needs a signed-in user, and
 * {@code @RequiresPermissions} decides the rest. Stateless HTTP Basic, so there is no
 * session cookie to protect and CSRF protection is off; no login form.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	/**
	 * The demo users; each password is the user name (see the README).
	 */
	static final String[] USERS = { "admin", "alice", "bob", "carol", "dave", "erin", "frank" };

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, JsonMapper jsonMapper) throws Exception {
		ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(jsonMapper);
		http.authorizeHttpRequests((requests) -> requests
			// The schedule is public; the type-level rule of EventSessionController
			// checks only POST
			.requestMatchers(HttpMethod.GET, "/events/*/sessions")
			.permitAll()
			.anyRequest()
			.authenticated())
			.httpBasic((basic) -> basic.authenticationEntryPoint(entryPoint))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.csrf((csrf) -> csrf.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable());
		return http.build();
	}

	@Bean
	UserDetailsService demoUsers() {
		InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
		for (String name : USERS) {
			users.createUser(User.withUsername(name).password("{noop}" + name).roles("USER").build());
		}
		// Only the UserDetailsService side: as a UserDetailsPasswordService the manager
		// would let Spring Security upgrade each {noop} password to BCrypt at its first
		// sign-in, and every later stateless Basic call would pay a BCrypt check
		return users::loadUserByUsername;
	}

}
