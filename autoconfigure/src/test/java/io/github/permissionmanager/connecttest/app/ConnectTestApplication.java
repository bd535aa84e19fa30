package io.github.permissionmanager.connecttest.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.permissionmanager.ConnectionSignedOutEvent;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The application whose users connect to the stand-in provider: HTTP Basic users, a
 * session for the sign-in in progress, and handlers guarded by
 * {@code @RequiresConnections}. Nothing in it configures the OAuth2 client: Permission
 * Manager adds it to the filter chain.
 */
@SpringBootApplication
public class ConnectTestApplication {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) {
		return http
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers("/public/**").permitAll().anyRequest().authenticated())
			.httpBasic(Customizer.withDefaults())
			.csrf((csrf) -> csrf.disable())
			.build();
	}

	@Bean
	UserDetailsService users() {
		InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
		for (String name : List.of("bob", "alice", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy",
				"mallory", "niaj", "olivia", "peggy", "quentin", "rupert", "sybil", "trent", "uma", "victor", "walter",
				"xena", "yuri", "zoe", "abel", "bea", "cyd", "dora", "eli", "fay", "gus", "hal", "ida", "jon")) {
			users.createUser(User.withUsername(name).password("{noop}" + name).roles("USER").build());
		}
		return users::loadUserByUsername;
	}

	@Bean
	Calls calls() {
		return new Calls();
	}

	/**
	 * What the guarded handlers did, and the sign-out events the application heard.
	 */
	public static class Calls {

		/** One entry per run of a guarded handler. */
		public final List<String> runs = new CopyOnWriteArrayList<>();

		/** The sign-out events. */
		public final List<ConnectionSignedOutEvent> signOuts = new CopyOnWriteArrayList<>();

		@EventListener
		void signedOut(ConnectionSignedOutEvent event) {
			this.signOuts.add(event);
		}

	}

}
