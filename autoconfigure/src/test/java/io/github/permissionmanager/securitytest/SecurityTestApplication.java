package io.github.permissionmanager.securitytest;

import io.github.permissionmanager.PermissionAuthorizations;
import io.github.permissionmanager.decide.GrantSnapshotCache;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * An application that uses Spring Security's own authorization with Permission Manager
 * behind it: request rules, {@code @PreAuthorize("hasPermission(...)")} methods and
 * {@code @RequiresPermissions} methods side by side, the JDBC grant store on H2, a
 * {@code @ControllerAdvice} that turns every exception into a 500, and an evaluator a
 * test can break.
 */
@SpringBootApplication
@EnableMethodSecurity
public class SecurityTestApplication {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, PermissionAuthorizations permissions) throws Exception {
		return http
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/boards/{board_id}/**")
				.access(permissions.on("board", "board_id").require("board:read"))
				.requestMatchers("/reports/**")
				.access(permissions.requireAny("report:read", "report:admin"))
				.requestMatchers("/misconfigured/**")
				.access(permissions.on("board", "board_id").require("board:read"))
				.anyRequest()
				.permitAll())
			.csrf((csrf) -> csrf.disable())
			.httpBasic(Customizer.withDefaults())
			.build();
	}

	@Bean
	BreakableEvaluator breakableEvaluator(GrantSnapshotCache snapshots) {
		return new BreakableEvaluator(snapshots);
	}

	@Bean
	AuthorizationEvents authorizationEvents() {
		return new AuthorizationEvents();
	}

	@Bean
	Calls calls() {
		return new Calls();
	}

}
