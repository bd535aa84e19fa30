package io.github.permissionmanager.actuatetest;

import io.github.permissionmanager.PermissionAuthorizations;
import io.github.permissionmanager.RequiresPermissions;
import io.github.permissionmanager.testsupport.TestUsers;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application with Actuator: a guarded controller and a guarded service, a named rule,
 * a role and a catalog entry; the actuator endpoints are guarded by Permission Manager
 * itself ({@code actuator:read}), which only {@code ops} is granted in the tests.
 */
@SpringBootApplication
public class ActuatorTestApplication {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, PermissionAuthorizations permissions) throws Exception {
		return http
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/actuator/**")
				.access(permissions.require("actuator:read"))
				.anyRequest()
				.authenticated())
			.csrf((csrf) -> csrf.disable())
			.httpBasic(Customizer.withDefaults())
			.build();
	}

	@Bean
	UserDetailsService users() {
		return TestUsers.passwordIsName("ops", "bob", "carol");
	}

	@RestController
	static class EventController {

		@GetMapping("/events/{eventId}")
		@RequiresPermissions(value = "event:read", fetch = "eventId")
		String read(@PathVariable long eventId) {
			return "event " + eventId;
		}

		@PatchMapping("/events/{eventId}")
		@RequiresPermissions(value = { "event:update", "event:admin" },
				logical = io.github.permissionmanager.Logical.ANY, fetch = "eventId", methods = "PATCH",
				check = "#eventId > 0")
		String update(@PathVariable long eventId) {
			return "updated " + eventId;
		}

	}

	@RestController
	static class TicketController {

		@GetMapping("/tickets/{ticketId}")
		@RequiresPermissions(value = "event:read", fetch = "event_id", model = Ticket.class, fetchKeyUrl = "ticketId")
		String read(@PathVariable long ticketId) {
			return "ticket " + ticketId;
		}

	}

	@Service
	public static class ReportService {

		@RequiresPermissions(rule = "export-report")
		public String export() {
			return "report";
		}

	}

}
