package io.github.permissionmanager.sample.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.permissionmanager.Connection;
import io.github.permissionmanager.Connections;
import io.github.permissionmanager.RequiresConnections;
import io.github.permissionmanager.RequiresPermissions;
import io.github.permissionmanager.sample.domain.Session;
import io.github.permissionmanager.sample.domain.SessionRepository;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Feature: connections. A speaker publishes the session they speak at to their own
 * calendar: {@code @RequiresPermissions} checks that they may read the session,
 * {@code @RequiresConnections} that they connected their calendar (with the
 * {@code calendar.events} scope), and the handler calls the calendar with the user's
 * token through {@link Connections#restClient}. In the {@code demo} profile, where the
 * sample runs its own stand-in calendar provider.
 */
@RestController
@Profile("demo")
class CalendarController {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private final SessionRepository sessions;

	private final Connections connections;

	private final String calendar;

	CalendarController(SessionRepository sessions, Connections connections,
			@Value("${sample.calendar-url}") String calendar) {
		this.sessions = sessions;
		this.connections = connections;
		this.calendar = calendar;
	}

	@PostMapping("/sessions/{id}/calendar")
	@RequiresPermissions(value = "session:read", fetch = "id", resource = "session")
	@RequiresConnections(required = @Connection("calendar"))
	Map<String, Object> publish(@PathVariable long id) {
		Session session = this.sessions.findById(id).orElseThrow();
		Map<String, Object> added = this.connections.restClient("calendar")
			.post()
			.uri(this.calendar + "/events")
			.body(Map.of("summary", session.getTitle()))
			.retrieve()
			.body(JSON);
		Map<String, Object> published = new LinkedHashMap<>();
		published.put("session", id);
		published.put("calendarEvent", added);
		return published;
	}

}
