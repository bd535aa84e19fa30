package io.github.permissionmanager.sample.web;

import java.util.List;
import java.util.Set;

import io.github.permissionmanager.PermissionManager;
import io.github.permissionmanager.RequiresPermissions;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.sample.domain.Session;
import io.github.permissionmanager.sample.domain.SessionRepository;
import io.github.permissionmanager.sample.domain.SessionSummary;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Sessions addressed by their own id, whose URL does not name their event.
 */
@RestController
class SessionController {

	private final SessionRepository sessions;

	private final PermissionManager permissions;

	SessionController(SessionRepository sessions, PermissionManager permissions) {
		Assert.notNull(sessions, "sessions cannot be null");
		Assert.notNull(permissions, "permissions cannot be null");
		this.sessions = sessions;
		this.permissions = permissions;
	}

	// Feature: list filtering with PermissionManager#objectIds. The sessions of every event
	// where the caller holds session:read, plus the sessions they hold it on directly (carol,
	// a speaker): two id lookups and one SQL query, however many sessions there are (no N+1)
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
		return this.sessions.findSummary(id).orElseThrow();
	}

	// Feature: the same YAML rule, with another permission
	@DeleteMapping("/sessions/{id}")
	@RequiresPermissions(value = "session:delete", rule = "session-event")
	ResponseEntity<Void> delete(@PathVariable long id) {
		find(id);
		this.sessions.deleteWithSpeakers(id);
		return ResponseEntity.noContent().build();
	}

	private Session find(long id) {
		return this.sessions.findById(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No session " + id));
	}

	// Ids come from grants: one that is not a number cannot name a session, so it is dropped
	private static List<Long> toLongs(Set<String> ids) {
		return ids.stream().filter((id) -> id.matches("\\d{1,18}")).map(Long::valueOf).toList();
	}

}
