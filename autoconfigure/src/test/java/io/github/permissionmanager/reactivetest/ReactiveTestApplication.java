package io.github.permissionmanager.reactivetest;

import java.time.Duration;
import java.util.Map;

import io.github.permissionmanager.decide.GrantSnapshotCache;
import io.github.permissionmanager.securitytest.BreakableEvaluator;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

/**
 * A WebFlux application guarded by {@code @RequiresPermissions} on methods returning
 * {@code Mono} and {@code Flux}: the JDBC grant store and JPA entities on H2, an
 * evaluator a test can break, and a {@code @ControllerAdvice} that turns every exception
 * into a 500.
 */
@SpringBootApplication
public class ReactiveTestApplication {

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
		return http.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
			.csrf((csrf) -> csrf.disable())
			.httpBasic(Customizer.withDefaults())
			.build();
	}

	@Bean
	BreakableEvaluator breakableEvaluator(GrantSnapshotCache snapshots) {
		return new BreakableEvaluator(snapshots);
	}

	@Bean
	MapReactiveUserDetailsService users() {
		return new MapReactiveUserDetailsService(
				User.withUsername("bob").password("{noop}secret").roles("USER").build());
	}

	@Bean
	Subscriptions subscriptions() {
		return new Subscriptions();
	}

	/**
	 * A client of the application through Spring Security's test support.
	 * @param context the application
	 * @return the client
	 */
	static WebTestClient client(ApplicationContext context) {
		// a first lookup on a loaded machine may take longer than the default five
		// seconds
		return WebTestClient.bindToApplicationContext(context)
			.apply(springSecurity())
			.configureClient()
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	@ControllerAdvice
	static class CatchAllAdvice {

		@ExceptionHandler(Exception.class)
		ResponseEntity<Map<String, String>> handle(Exception ex) {
			return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(Map.of("caughtBy", "application"));
		}

	}

}
