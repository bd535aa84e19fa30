package io.github.permissionmanager.jwttest;

import io.github.permissionmanager.PermissionAuthorizations;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A resource server guarded by Permission Manager: bearer JWTs validated through the JWK
 * set of the issuer Boot finds at
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, a request rule,
 * {@code @RequiresPermissions} and {@code hasPermission} side by side, the JDBC grant
 * store on H2.
 */
@SpringBootApplication
@EnableMethodSecurity
public class JwtTestApplication {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, PermissionAuthorizations permissions) throws Exception {
		return http
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/boards/{board_id}/cards")
				.access(permissions.on("board", "board_id").require("board:read"))
				.anyRequest()
				.permitAll())
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()))
			.csrf((csrf) -> csrf.disable())
			.build();
	}

}
