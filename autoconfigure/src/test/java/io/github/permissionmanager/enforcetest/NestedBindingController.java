package io.github.permissionmanager.enforcetest;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.permissionmanager.RequiresPermissions;
import jakarta.persistence.EntityManager;
import org.hibernate.Hibernate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpEntity;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Handlers whose bound form or body objects can name an event below their top level: a
 * form the data binder fills through nested paths ({@code event.id=2}), nested records,
 * lists and maps in a JSON body, a JSON tree, an {@code HttpEntity}, a property renamed
 * with {@code @JsonProperty}, and every request parameter as a map. Each body records
 * what it acted on.
 */
@RestController
class NestedBindingController {

	private final SideEffects sideEffects;

	private final EntityManager entityManager;

	NestedBindingController(SideEffects sideEffects, EntityManager entityManager) {
		this.sideEffects = sideEffects;
		this.entityManager = entityManager;
	}

	@PatchMapping("/events/{eventId}/nested-form")
	@RequiresPermissions(value = "event:update", fetch = "eventId")
	String form(@ModelAttribute NestedForm form) {
		return ran("form " + form.getEvent().getId() + " " + form.getSession().getEventId());
	}

	@PatchMapping("/events/{event_id}/nested-body")
	@RequiresPermissions(value = "event:update", fetch = "event_id")
	String body(@PathVariable("event_id") long eventId, @RequestBody NestedBody body) {
		return ran("body " + eventId + " " + body.title());
	}

	@PatchMapping("/events/{event_id}/tree")
	@RequiresPermissions(value = "event:update", fetch = "event_id")
	String tree(@PathVariable("event_id") long eventId, @RequestBody JsonNode body) {
		return ran("tree " + eventId);
	}

	@PatchMapping("/events/{event_id}/entity")
	@RequiresPermissions(value = "event:update", fetch = "event_id")
	String entity(@PathVariable("event_id") long eventId, HttpEntity<NestedBody> entity) {
		return ran("entity " + eventId);
	}

	@PatchMapping("/events/{event_id}/renamed")
	@RequiresPermissions(value = "event:update", fetch = "event_id")
	String renamed(@PathVariable("event_id") long eventId, @RequestBody RenamedBody body) {
		return ran("renamed " + body.target());
	}

	// the event comes from the model; the map holds every request parameter
	@PatchMapping("/sessions/{id}/parameters")
	@RequiresPermissions(value = "session:update", rule = "session-event")
	String parameters(@PathVariable long id, @RequestParam Map<String, String> parameters) {
		return ran("parameters " + id + " " + parameters);
	}

	// a nested "id" is another object's: only the bound object's own id is compared
	@PatchMapping("/sessions/{id}/speakers")
	@RequiresPermissions(value = "session:update", rule = "session-event")
	String speakers(@PathVariable long id, @RequestBody Speakers speakers) {
		return ran("speakers " + id + " " + speakers.speakers().size());
	}

	// a managed entity, loaded before the handler and then bound from the request: its
	// board (a lazy proxy) must agree with the URL's, and is not loaded to find out
	@ModelAttribute("card")
	@Nullable Card card(@PathVariable(name = "card_id", required = false) @Nullable Long cardId) {
		return (cardId != null) ? this.entityManager.find(Card.class, cardId) : null;
	}

	@PatchMapping("/boards/{board_id}/cards/{card_id}/relabel")
	@RequiresPermissions(value = "card:update", fetch = "board_id")
	String relabel(@PathVariable("board_id") long boardId, @ModelAttribute("card") Card card) {
		return ran("relabel card " + card.getId() + " " + Hibernate.isInitialized(card.board()));
	}

	private String ran(String what) {
		this.sideEffects.ran(what);
		return what;
	}

	/**
	 * A form with nested objects the data binder creates as it binds {@code event.id} or
	 * {@code session.eventId}.
	 */
	public static class NestedForm {

		private EventRef event = new EventRef();

		private SessionRef session = new SessionRef();

		public EventRef getEvent() {
			return this.event;
		}

		public void setEvent(EventRef event) {
			this.event = event;
		}

		public SessionRef getSession() {
			return this.session;
		}

		public void setSession(SessionRef session) {
			this.session = session;
		}

	}

	public static class EventRef {

		private @Nullable Long id;

		public @Nullable Long getId() {
			return this.id;
		}

		public void setId(@Nullable Long id) {
			this.id = id;
		}

	}

	public static class SessionRef {

		private @Nullable Long eventId;

		public @Nullable Long getEventId() {
			return this.eventId;
		}

		public void setEventId(@Nullable Long eventId) {
			this.eventId = eventId;
		}

	}

	record NestedBody(@Nullable EventRef event, @Nullable SessionRef session, @Nullable List<SessionRef> related,
			@Nullable Map<String, Object> extra, @Nullable String title) {

	}

	record RenamedBody(@JsonProperty("event_id") @Nullable Long target) {

	}

	record Speakers(List<Map<String, Object>> speakers) {

	}

}
