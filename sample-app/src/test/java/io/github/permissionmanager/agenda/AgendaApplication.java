package io.github.permissionmanager.agenda;

import io.github.permissionmanager.RequiresPermissions;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agenda service: prints an event's agenda to the users who may read the event. It
 * keeps no grants: {@code permission-manager.pdp.url} makes its
 * {@code @RequiresPermissions} ask the sample, started with the {@code pdp} profile,
 * which knows the demo users' grants. Its users sign in with HTTP Basic (password =
 * name), as on the sample.
 */
@SpringBootApplication
public class AgendaApplication {

	/** The API key of the caller {@code agenda}, as the sample's pdp profile names it. */
	public static final String API_KEY = "agenda-demo-key-0123456789";

	/**
	 * Start the agenda service on a random port.
	 * @param decisionPoint the decision point's URL, its base path included (e.g.
	 * {@code http://127.0.0.1:8080/pdp})
	 * @return its context
	 */
	public static ConfigurableApplicationContext start(String decisionPoint) {
		return new SpringApplicationBuilder(AgendaApplication.class)
			// its own configuration only: not the sample's application.yml beside it
			.properties("spring.config.name=agenda", "server.port=0", "spring.main.banner-mode=off",
					"spring.datasource.url=jdbc:h2:mem:agenda;DB_CLOSE_DELAY=-1",
					"permission-manager.pdp.url=" + decisionPoint, "permission-manager.pdp.client.api-key=" + API_KEY)
			.run();
	}

	@Bean
	SecurityFilterChain agendaSecurity(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated()).httpBasic((basic) -> {
		})
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	UserDetailsService agendaUsers() {
		InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
		for (String name : new String[] { "alice", "bob", "dave" }) {
			users.createUser(User.withUsername(name).password("{noop}" + name).roles("USER").build());
		}
		return users::loadUserByUsername;
	}

	@RestController
	static class AgendaController {

		/**
		 * The agenda of an event: {@code event:read} on the event, decided by the
		 * decision point.
		 * @param eventId the event
		 * @return the agenda
		 */
		@GetMapping("/agenda/{event_id}")
		@RequiresPermissions(value = "event:read", fetch = "event_id", resource = "event")
		String agenda(@PathVariable("event_id") long eventId) {
			return "Agenda of event " + eventId;
		}

	}

}
