package io.github.permissionmanager.connecttest.app;

import java.security.Principal;
import java.util.Map;

import io.github.permissionmanager.Connection;
import io.github.permissionmanager.Connections;
import io.github.permissionmanager.RequiresConnections;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Handlers that need connections, each recording that it ran.
 */
@RestController
class CalendarController {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private final Connections connections;

	private final ConnectTestApplication.Calls calls;

	private final String provider;

	CalendarController(Connections connections, ConnectTestApplication.Calls calls,
			@Value("${test.provider-url}") String provider) {
		this.connections = connections;
		this.calls = calls;
		this.provider = provider;
	}

	@PostMapping("/sessions/{id}/calendar")
	@RequiresConnections(required = @Connection("calendar"), optional = @Connection("weather"))
	Map<String, Object> publish(@PathVariable long id) {
		this.calls.runs.add("publish " + id);
		Map<String, Object> created = this.connections.restClient("calendar")
			.post()
			.uri(this.provider + "/api/calendar/events")
			.retrieve()
			.body(JSON);
		return Map.of("session", id, "calendar", created, "weather", this.connections.isAvailable("weather"));
	}

	@GetMapping("/calendar/admin")
	@RequiresConnections(required = @Connection(value = "calendar-admin", scopes = "calendar.admin"))
	Map<String, Object> admin(Principal user) {
		this.calls.runs.add("admin " + user.getName());
		return Map.of("admin", true);
	}

	@GetMapping("/weather")
	@RequiresConnections(required = @Connection("weather"))
	Map<String, Object> weather(Principal user) {
		this.calls.runs.add("weather " + user.getName());
		return this.connections.restClient("weather").get().uri(this.provider + "/api/weather").retrieve().body(JSON);
	}

	@GetMapping("/flaky")
	@RequiresConnections(required = @Connection("flaky"))
	Map<String, Object> flaky(Principal user) {
		this.calls.runs.add("flaky " + user.getName());
		return Map.of("flaky", true);
	}

	@GetMapping("/hanging")
	@RequiresConnections(required = @Connection("hanging"))
	Map<String, Object> hanging(Principal user) {
		this.calls.runs.add("hanging " + user.getName());
		return Map.of("hanging", true);
	}

	@GetMapping("/maybe")
	@RequiresConnections(optional = @Connection("calendar"))
	Map<String, Object> maybe(Principal user) {
		this.calls.runs.add("maybe " + user.getName());
		return Map.of("calendar", this.connections.isAvailable("calendar"), "available", this.connections.available());
	}

}
