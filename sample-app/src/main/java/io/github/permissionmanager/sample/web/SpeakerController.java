package io.github.permissionmanager.sample.web;

import java.util.List;

import io.github.permissionmanager.RequiresPermissions;
import io.github.permissionmanager.sample.domain.Speaker;
import io.github.permissionmanager.sample.domain.SpeakerRepository;
import io.github.permissionmanager.sample.domain.SpeakerSummary;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Speakers, two joins away from the event that governs them.
 */
@RestController
class SpeakerController {

	private final SpeakerRepository speakers;

	SpeakerController(SpeakerRepository speakers) {
		Assert.notNull(speakers, "speakers cannot be null");
		this.speakers = speakers;
	}

	// Feature: leaveIf. The public speaker list (?view=public, names only) skips the
	// check; the full list, with e-mail addresses, needs speaker:read on the event
	@GetMapping("/events/{event_id}/speakers")
	@RequiresPermissions(value = "speaker:read", fetch = "event_id",
			leaveIf = "#context.requestParameters()['view'] == {'public'}")
	List<SpeakerSummary> list(@PathVariable("event_id") long eventId,
			@RequestParam(required = false) @Nullable String view) {
		List<SpeakerSummary> all = this.speakers.findSummariesOfEvent(eventId);
		return "public".equals(view) ? all.stream().map(SpeakerSummary::withoutEmail).toList() : all;
	}

	// Feature: a property path. The speaker's event is read through session.event.id, one
	// query with its joins, and speaker:delete is checked on that event
	@DeleteMapping("/speakers/{id}")
	@RequiresPermissions(value = "speaker:delete", fetch = "session.event.id", fetchAs = "event_id",
			model = Speaker.class)
	ResponseEntity<Void> delete(@PathVariable long id) {
		if (!this.speakers.existsById(id)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No speaker " + id);
		}
		this.speakers.deleteSpeaker(id);
		return ResponseEntity.noContent().build();
	}

}
