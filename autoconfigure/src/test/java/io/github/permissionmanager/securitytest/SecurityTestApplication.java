package io.github.permissionmanager.securitytest;

import io.github.permissionmanager.decide.GrantSnapshotCache;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * An application that uses Spring Security's own authorization with Permission Manager
 * behind it: {@code @PreAuthorize("hasPermission(...)")} methods, the JDBC grant store on
 * H2, a {@code @ControllerAdvice} that turns every exception into a 500, and an evaluator
 * a test can break.
 */
@SpringBootApplication
@EnableMethodSecurity
public class SecurityTestApplication {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.httpBasic(Customizer.withDefaults())
			.build();
	}

	@Bean
	BreakableEvaluator breakableEvaluator(GrantSnapshotCache snapshots) {
		return new BreakableEvaluator(snapshots);
	}

	@Bean
	Calls calls() {
		return new Calls();
	}

}
