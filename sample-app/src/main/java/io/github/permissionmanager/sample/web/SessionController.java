package io.github.permissionmanager.sample.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.permissionmanager.PermissionDeniedException;
import io.github.permissionmanager.PermissionManager;
import io.github.permissionmanager.Permitted;
import io.github.permissionmanager.RequiresPermissions;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.sample.domain.Event;
import io.github.permissionmanager.sample.domain.Session;
import io.github.permissionmanager.sample.domain.SessionRepository;
import io.github.permissionmanager.sample.domain.SessionSummary;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Sessions addressed by their own id, whose URL does not name their event.
 */
@RestController
class SessionController {

	private static final int MAX_BATCH = 100;

	private final SessionRepository sessions;

	private final PermissionManager permissions;

	SessionController(SessionRepository sessions, PermissionManager permissions) {
		Assert.notNull(sessions, "sessions cannot be null");
		Assert.notNull(permissions, "permissions cannot be null");
		this.sessions = sessions;
		this.permissions = permissions;
	}

	// Feature: a list guard in the annotation world. @Permitted hands the handler the
	// sessions the caller may read, as a Specification: those of every event where the
	// caller holds session:read, plus those they hold it on directly (carol, a speaker).
	// One SQL query (after the caller's grants, read once and cached), however many
	// sessions or grants there are
	@GetMapping("/sessions")
	List<SessionSummary> list(@Permitted(value = "session:read", resource = { "event", "session" },
			path = { "event", "id" }) Specification<Session> readable) {
		return this.sessions.findAll(readable, Sort.by("id")).stream().map(SessionController::summary).toList();
	}

	// Feature: the same filter, paged, sorted and counted by the database: GET
	// /sessions/paged?page=0&size=2&sort=title,desc
	@GetMapping("/sessions/paged")
	PagedModel<SessionSummary> page(
			@Permitted(value = "session:read", resource = { "event", "session" },
					path = { "event", "id" }) Specification<Session> readable,
			@PageableDefault(size = 20, sort = "id") Pageable pageable) {
		return new PagedModel<>(
				this.sessions.findAll(readable, Pages.checked(pageable)).map(SessionController::summary));
	}

	static SessionSummary summary(Session session) {
		Event event = session.getEvent();
		Assert.state(session.getId() != null && event != null && event.getId() != null, "a stored session has ids");
		return new SessionSummary(session.getId(), event.getId(), session.getTitle());
	}

	// Feature: a rule in YAML (session-event): model Session, fetch its event_id, check
	// session:update on that event
	@PatchMapping("/sessions/{id}")
	@RequiresPermissions(value = "session:update", rule = "session-event")
	SessionSummary update(@PathVariable long id, @RequestBody Changes changes) {
		Session session = find(id);
		session.setTitle(changes.requireTitle());
		this.sessions.save(session);
		// deleted by a concurrent request between the save and this read
		return this.sessions.findSummary(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No session " + id));
	}

	// Feature: the same YAML rule, with another permission
	@DeleteMapping("/sessions/{id}")
	@RequiresPermissions(value = "session:delete", rule = "session-event")
	ResponseEntity<Void> delete(@PathVariable long id) {
		find(id);
		this.sessions.deleteWithSpeakers(id);
		return ResponseEntity.noContent().build();
	}

	// Feature: a batch checked whole. Every session named must belong to an event where
	// the caller holds session:delete; one foreign id refuses the whole batch (403) and
	// nothing is deleted. One PermissionManager check per distinct event, all before the
	// first delete
	@DeleteMapping(path = "/sessions", params = "ids")
	ResponseEntity<Void> deleteAll(@RequestParam List<@Nullable Long> ids, Authentication authentication) {
		if (ids.isEmpty() || ids.size() > MAX_BATCH || ids.contains(null)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "give 1 to " + MAX_BATCH + " session ids");
		}
		Set<Long> wanted = new LinkedHashSet<>(ids);
		List<SessionSummary> found = this.sessions.findSummariesOfEventsOrIds(List.of(), wanted);
		if (found.size() != wanted.size()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such session");
		}
		for (long eventId : found.stream().map(SessionSummary::eventId).distinct().toList()) {
			Resource event = Resource.of("event", eventId);
			// the current user, with its groups, as a guarded call would see it
			if (!this.permissions.check("session:delete", event)) {
				throw new PermissionDeniedException(
						authentication.getName() + " may not delete sessions of event " + eventId,
						List.of("session:delete"), event);
			}
		}
		wanted.forEach(this.sessions::deleteWithSpeakers);
		return ResponseEntity.noContent().build();
	}

	private Session find(long id) {
		return this.sessions.findById(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No session " + id));
	}

}
