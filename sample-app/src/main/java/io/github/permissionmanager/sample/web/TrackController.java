package io.github.permissionmanager.sample.web;

import java.util.List;
import java.util.Objects;

import io.github.permissionmanager.Logical;
import io.github.permissionmanager.RequiresPermissions;
import io.github.permissionmanager.sample.domain.TrackRepository;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tracks of an event.
 */
@RestController
class TrackController {

	private final TrackRepository tracks;

	TrackController(TrackRepository tracks) {
		Assert.notNull(tracks, "tracks cannot be null");
		this.tracks = tracks;
	}

	// Feature: logical = ANY. Track organizers (track:read) and whoever builds the
	// schedule (session:update) may list the tracks: one of the two is enough, so bob, a
	// co-organizer without track permissions, gets them too.
	// Feature: a nullable path variable. GET /tracks maps here too, with no event: the
	// check has nothing to be about and answers 400; it never reads ?event_id in its
	// place
	@GetMapping({ "/events/{event_id}/tracks", "/tracks" })
	@RequiresPermissions(value = { "track:read", "session:update" }, logical = Logical.ANY, fetch = "event_id")
	List<TrackView> list(@PathVariable(name = "event_id", required = false) @Nullable Long eventId) {
		Assert.state(eventId != null, "the check refuses a call without an event");
		return this.tracks.findByEventIdOrderById(eventId)
			.stream()
			.map((track) -> new TrackView(Objects.requireNonNull(track.getId()), track.getName()))
			.toList();
	}

	/**
	 * A track as the API shows it.
	 *
	 * @param id the track id
	 * @param name its name
	 */
	record TrackView(long id, String name) {

	}

}
