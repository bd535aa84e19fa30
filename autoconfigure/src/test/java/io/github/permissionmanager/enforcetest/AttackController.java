package io.github.permissionmanager.enforcetest;

import java.util.Map;
import java.util.Optional;

import io.github.permissionmanager.RequiresPermissions;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.MatrixVariable;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Endpoints shaped the way an attacker's pass found holes in (issue 9): a nullable path
 * variable, a form object bound by Spring's data binder, a JSON body carrying the key, a
 * condition that throws, and conditions over arguments and request parameters. Each body
 * records what it acted on.
 */
@RestController
class AttackController {

	private final SideEffects sideEffects;

	AttackController(SideEffects sideEffects) {
		this.sideEffects = sideEffects;
	}

	// null means "every event": the check must never read ?event_id instead
	@GetMapping({ "/rows", "/events/{event_id}/rows" })
	@RequiresPermissions(value = "event:read", fetch = "event_id")
	String rows(@PathVariable(name = "event_id", required = false) @Nullable Long eventId) {
		return ran("rows of " + ((eventId != null) ? "event " + eventId : "every event"));
	}

	// the data binder reads a query parameter or form field before the URI variable
	@PatchMapping("/events/{eventId}/rename")
	@RequiresPermissions(value = "event:update", fetch = "eventId")
	String rename(@ModelAttribute RenameForm form) {
		return ran("rename event " + form.getEventId() + " to " + form.getName());
	}

	@PatchMapping("/events/{eventId}/retitle")
	@RequiresPermissions(value = "event:update", fetch = "eventId")
	String retitle(@RequestBody RenameForm form) {
		return ran("retitle event " + form.getEventId() + " to " + form.getName());
	}

	@GetMapping("/events/{event_id}/fragile")
	@RequiresPermissions(value = "event:read", fetch = "event_id", check = "#context.httpMethod().substring(10) == 'x'")
	String fragile(@PathVariable("event_id") long eventId) {
		return ran("fragile " + eventId);
	}

	@GetMapping("/events/{event_id}/notes")
	@RequiresPermissions(value = "event:read", fetch = "event_id", leaveIf = "#mode == 'public' and #eventId == 1")
	String notes(@PathVariable("event_id") long eventId, @RequestParam(required = false) @Nullable String mode) {
		return ran("notes " + eventId + " " + mode);
	}

	@GetMapping(path = "/events/{event_id}/feed", params = "format")
	@RequiresPermissions(value = "event:read", fetch = "event_id", check = "#format != 'raw' and #event_id != '13'")
	String feed(@PathVariable("event_id") String eventId) {
		return ran("feed " + eventId);
	}

	@GetMapping("/open/{event_id}")
	@RequiresPermissions(value = "event:read", fetch = "event_id",
			leaveIf = "#subject == null or #subject.id() != 'mallory'")
	String open(@PathVariable("event_id") long eventId) {
		return ran("open " + eventId);
	}

	// with hide-existence, every refusal of this rule must read the same
	@PatchMapping("/boards/{board_id}/cards/{card_id}/label")
	@RequiresPermissions(value = { "card:update", "card:read" }, fetch = "board_id", model = Card.class,
			fetchKeyUrl = "card_id", check = "#card_id != '10'")
	String label(@RequestBody String label) {
		return ran("label " + label);
	}

	@GetMapping("/events/{event_id}/probed")
	@RequiresPermissions(value = "event:read", fetch = "event_id", check = "#subject.attributes()['probe'].ok()")
	String probed(@PathVariable("event_id") long eventId) {
		return ran("probed " + eventId);
	}

	@GetMapping("/cards/{card_id}/peek")
	@RequiresPermissions(value = "card:read", fetch = "board_id", model = Card.class, fetchKeyUrl = "card_id",
			leaveIf = "#card_id == '10'")
	String peek() {
		return ran("peek");
	}

	// mapped to every verb; the filter names POST only
	@RequestMapping("/events/{event_id}/anything")
	@RequiresPermissions(value = "event:update", fetch = "event_id", methods = "POST")
	String anything(@PathVariable("event_id") long eventId) {
		return ran("anything " + eventId);
	}

	@GetMapping({ "/maybe", "/events/{event_id}/maybe" })
	@RequiresPermissions(value = "event:read", fetch = "event_id")
	String maybe(@PathVariable("event_id") Optional<Long> eventId) {
		return ran("maybe " + eventId.orElse(null));
	}

	@PatchMapping("/events/{event_id}/meta")
	@RequiresPermissions(value = "event:update", fetch = "event_id")
	String meta(@PathVariable("event_id") long eventId, @RequestBody Map<String, Object> meta) {
		return ran("meta " + eventId + " " + meta);
	}

	// the key names a matrix variable argument: that argument is what is checked
	@GetMapping("/events/{event_id}/shift")
	@RequiresPermissions(value = "event:read", fetch = "event_id")
	String shift(@MatrixVariable(name = "event_id", pathVar = "event_id", required = false) @Nullable Long target) {
		return ran("shift to event " + target);
	}

	// the event comes from the model; a body that names another event must not move the
	// session (and, with hide-existence, must not tell where the session belongs)
	@PatchMapping("/sessions/{id}/move")
	@RequiresPermissions(value = "session:update", rule = "session-event")
	String move(@PathVariable long id, @RequestBody SessionMove move) {
		return ran("move session " + id + " to event " + move.eventId());
	}

	// an anonymous caller learns nothing about the rows behind a leaveIf rule
	@GetMapping("/sessions/titled/{title}/preview")
	@RequiresPermissions(value = "session:read", fetch = "event_id", model = Session.class, fetchKeyUrl = "title",
			fetchKeyModel = "title", leaveIf = "#title == 'Keynote'")
	String preview(@PathVariable String title) {
		return ran("preview " + title);
	}

	private String ran(String what) {
		this.sideEffects.ran(what);
		return what;
	}

	/**
	 * A JSON body that names the session's event.
	 *
	 * @param eventId the event, or {@code null}
	 * @param title the new title, or {@code null}
	 */
	record SessionMove(@Nullable Long eventId, @Nullable String title) {

	}

	/**
	 * A form object, bound by Spring's data binder from URI variables, query parameters
	 * and form fields, or read from a JSON body.
	 */
	public static class RenameForm {

		private @Nullable Long eventId;

		private @Nullable String name;

		public @Nullable Long getEventId() {
			return this.eventId;
		}

		public void setEventId(@Nullable Long eventId) {
			this.eventId = eventId;
		}

		public @Nullable String getName() {
			return this.name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

	}

}
