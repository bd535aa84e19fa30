package io.github.permissionmanager.enforcetest;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The application the enforcement tests run against: controllers and services guarded by
 * {@code @RequiresPermissions}, JPA entities on H2, a map-backed evaluator, and a
 * {@code @ControllerAdvice} that turns every exception into a 500.
 */
@SpringBootApplication
public class EnforceTestApplication {

	@Bean
	MapPermissionEvaluator mapPermissionEvaluator() {
		return new MapPermissionEvaluator();
	}

	@Bean
	SideEffects sideEffects() {
		return new SideEffects();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication
	static class WebSecurity {

		// Requests reach the handlers anonymously, so Permission Manager's own 401 is
		// what answers
		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
				.csrf((csrf) -> csrf.disable())
				.httpBasic(Customizer.withDefaults())
				.build();
		}

	}

}
