package io.github.permissionmanager.sample.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.permissionmanager.PermissionDeniedException;
import io.github.permissionmanager.PermissionManager;
import io.github.permissionmanager.RequiresPermissions;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.sample.domain.Session;
import io.github.permissionmanager.sample.domain.SessionRepository;
import io.github.permissionmanager.sample.domain.SessionSummary;
import org.jspecify.annotations.Nullable;

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

	// Feature: list filtering with PermissionManager#objectIds. The sessions of every
	// event
	// where the caller holds session:read, plus the sessions they hold it on directly
	// (carol,
	// a speaker): two id lookups and one SQL query, however many sessions there are (no
	// N+1)
	@GetMapping("/sessions")
	List<SessionSummary> list(Authentication authentication) {
		Subject subject = Subject.of(authentication.getName());
		if (this.permissions.check(subject, "session:read", Resource.ofType("event"))) {
			return this.sessions.findAllSummaries();
		}
		Set<String> eventIds = this.permissions.objectIds(subject, "session:read", "event");
		Set<String> sessionIds = this.permissions.objectIds(subject, "session:read", "session");
		if (eventIds.isEmpty() && sessionIds.isEmpty()) {
			return List.of();
		}
		return this.sessions.findSummariesOfEventsOrIds(toLongs(eventIds), toLongs(sessionIds));
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
	// the
	// caller holds session:delete; one foreign id refuses the whole batch (403) and
	// nothing is
	// deleted. One PermissionManager check per distinct event, all before the first
	// delete
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
		Subject subject = Subject.of(authentication.getName());
		for (long eventId : found.stream().map(SessionSummary::eventId).distinct().toList()) {
			Resource event = Resource.of("event", eventId);
			if (!this.permissions.check(subject, "session:delete", event)) {
				throw new PermissionDeniedException(subject.id() + " may not delete sessions of event " + eventId,
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

	// Ids come from grants: one that is not a number cannot name a session, so it is
	// dropped
	private static List<Long> toLongs(Set<String> ids) {
		return ids.stream().filter((id) -> id.matches("\\d{1,18}")).map(Long::valueOf).toList();
	}

}
