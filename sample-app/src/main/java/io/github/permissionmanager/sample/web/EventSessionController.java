package io.github.permissionmanager.sample.web;

import java.net.URI;
import java.util.List;

import io.github.permissionmanager.Permitted;
import io.github.permissionmanager.RequiresPermissions;
import io.github.permissionmanager.sample.domain.Event;
import io.github.permissionmanager.sample.domain.EventRepository;
import io.github.permissionmanager.sample.domain.Session;
import io.github.permissionmanager.sample.domain.SessionRepository;
import io.github.permissionmanager.sample.domain.SessionSummary;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The sessions of one event, under {@code /events/{event_id}/sessions}.
 */
// Feature: methods. One rule for the whole controller, applied to POST only: the schedule
// (GET) stays public, creating a session needs session:create on the event in the URL
@RestController
@RequiresPermissions(value = "session:create", fetch = "event_id", methods = "POST")
class EventSessionController {

	private final EventRepository events;

	private final SessionRepository sessions;

	EventSessionController(EventRepository events, SessionRepository sessions) {
		Assert.notNull(events, "events cannot be null");
		Assert.notNull(sessions, "sessions cannot be null");
		this.events = events;
		this.sessions = sessions;
	}

	// Feature: methods (continued). GET is not in the rule's methods, so it passes
	// unchecked
	@GetMapping("/events/{event_id}/sessions")
	List<SessionSummary> schedule(@PathVariable("event_id") long eventId) {
		return this.sessions.findSummariesOfEvent(eventId);
	}

	// Feature: a paged list guard on one event's sessions. GET
	// /events/1/sessions?page=0&size=2&sort=title lists the sessions of event 1 the
	// caller may read (through the event, or the session itself for a speaker), paged,
	// sorted and counted by the database; the plain GET above stays the public schedule
	@GetMapping(path = "/events/{event_id}/sessions", params = "page")
	PagedModel<SessionSummary> readable(@PathVariable("event_id") long eventId,
			@Permitted(value = "session:read", resource = { "event", "session" },
					path = { "event", "id" }) Specification<Session> readable,
			@PageableDefault(size = 20, sort = "id") Pageable pageable) {
		Specification<Session> ofEvent = (root, query, builder) -> builder.equal(root.get("event").get("id"), eventId);
		return new PagedModel<>(
				this.sessions.findAll(ofEvent.and(readable), Pages.checked(pageable)).map(SessionController::summary));
	}

	// Feature: fetch from a path variable, with methods = POST
	@PostMapping("/events/{event_id}/sessions")
	ResponseEntity<SessionSummary> create(@PathVariable("event_id") long eventId, @RequestBody Changes changes) {
		Event event = this.events.findById(eventId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No event " + eventId));
		Session session = this.sessions.save(new Session(event, changes.requireTitle()));
		Assert.state(session.getId() != null, "a stored session has an id");
		SessionSummary created = new SessionSummary(session.getId(), eventId, session.getTitle());
		return ResponseEntity.created(URI.create("/sessions/" + created.id())).body(created);
	}

	// Feature: cross-check. event_id is in the URL and also reachable through the Session
	// model; the two must agree, so /events/1/sessions/4 (a session of event 2) is a 404
	// even for an organizer of event 1
	@GetMapping("/events/{event_id}/sessions/{id}")
	@RequiresPermissions(value = "session:read", fetch = "event_id", model = Session.class)
	SessionSummary get(@PathVariable("event_id") long eventId, @PathVariable long id) {
		return this.sessions.findSummary(id)
			.filter((session) -> session.eventId() == eventId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No session " + id));
	}

}
