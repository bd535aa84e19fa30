package io.github.permissionmanager.sample.web;

import java.util.List;
import java.util.stream.Stream;

import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.RequiresPermissions;
import io.github.permissionmanager.sample.domain.Event;
import io.github.permissionmanager.sample.domain.EventRepository;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Events, addressed by the {@code event_id} path variable.
 */
@RestController
class EventController {

	private static final List<String> ACTIONS = List.of("event:update", "event:delete", "track:create");

	private final EventRepository events;

	EventController(EventRepository events) {
		Assert.notNull(events, "events cannot be null");
		this.events = events;
	}

	// Feature: optional permissions. event:read is required; the three optional ones
	// never block, they only decide which actions the response offers (alice sees all
	// three, bob one)
	@GetMapping("/events/{event_id}")
	@RequiresPermissions(value = "event:read", fetch = "event_id",
			optional = { "event:update", "event:delete", "track:create" })
	EventView get(@PathVariable("event_id") long eventId, PermissionContext context) {
		Event event = find(eventId);
		return view(event, ACTIONS.stream().filter(context::isGranted));
	}

	// Feature: fetch from a path variable. The resource type "event" comes from the key
	// "event_id" without its suffix
	@PatchMapping("/events/{event_id}")
	@RequiresPermissions(value = "event:update", fetch = "event_id")
	EventView update(@PathVariable("event_id") long eventId, @RequestBody Changes changes) {
		Event event = find(eventId);
		event.setName(changes.requireName());
		return view(this.events.save(event), Stream.empty());
	}

	// Feature: check. Beyond event:delete, the SpEL condition must hold (the call must
	// say ?confirm=true), otherwise the call is denied and nothing is deleted
	@DeleteMapping("/events/{event_id}")
	@RequiresPermissions(value = "event:delete", fetch = "event_id",
			check = "#context.requestParameters()['confirm'] == {'true'}")
	ResponseEntity<Void> delete(@PathVariable("event_id") long eventId) {
		find(eventId);
		this.events.deleteWithContents(eventId);
		return ResponseEntity.noContent().build();
	}

	private Event find(long eventId) {
		return this.events.findById(eventId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No event " + eventId));
	}

	private static EventView view(Event event, Stream<String> actions) {
		Assert.state(event.getId() != null, "a stored event has an id");
		return new EventView(event.getId(), event.getName(), actions.toList());
	}

}
