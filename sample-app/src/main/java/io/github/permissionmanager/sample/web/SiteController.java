package io.github.permissionmanager.sample.web;

import io.github.permissionmanager.RequiresPermissions;
import io.github.permissionmanager.sample.domain.Event;
import io.github.permissionmanager.sample.domain.EventRepository;

import org.springframework.http.HttpStatus;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Events as a partner site lists them, under {@code /sites/{site}/events}.
 */
@RestController
class SiteController {

	private final EventRepository events;

	SiteController(EventRepository events) {
		Assert.notNull(events, "events cannot be null");
		this.events = events;
	}

	// Feature: tenants. The site is the tenant (permission-manager.tenant.path-variable:
	// site); a client may also name it in the X-Site header (tenant.header), and when the
	// two disagree the call is denied. A grant in tenant "opentech" (frank's) counts only
	// on that site; a grant in no tenant (everybody else's) counts on every site
	@GetMapping("/sites/{site}/events/{event_id}")
	@RequiresPermissions(value = "event:read", fetch = "event_id")
	SiteEventView get(@PathVariable String site, @PathVariable("event_id") long eventId) {
		Event event = this.events.findById(eventId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No event " + eventId));
		return new SiteEventView(site, eventId, event.getName());
	}

	/**
	 * An event as a site lists it.
	 *
	 * @param site the site
	 * @param id the event id
	 * @param name its name
	 */
	record SiteEventView(String site, long id, String name) {

	}

}
