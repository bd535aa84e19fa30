package io.github.permissionmanager.enforcetest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A bound form or body object that names another event below its top level is refused
 * (400) exactly as a top-level property is: the nested shapes the data binder fills from
 * parameters, form fields and headers ({@code event.id}, {@code session.eventId}), and
 * those a JSON body can carry (nested records, lists, maps, a JSON tree, an
 * {@code HttpEntity}, a property renamed with {@code @JsonProperty}). Bob holds
 * {@code event:update} and {@code session:update} on event 1 only.
 */
@EnforceWebTest
class NestedBindingWebTests extends AbstractEnforceWebTests {

	@BeforeEach
	void setUp() {
		this.evaluator.grant("bob", "event:update", "event", 1);
		this.evaluator.grant("bob", "session:update", "event", 1);
	}

	@Test
	void formThatNamesAnotherEventThroughANestedPathIsRefused() throws Exception {
		this.mvc.perform(patch("/events/1/nested-form").param("event.id", "2").with(user("bob")))
			.andExpect(status().isBadRequest());
		this.mvc.perform(patch("/events/1/nested-form").param("session.eventId", "2").with(user("bob")))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(patch("/events/1/nested-form").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("event.id=2")
				.with(user("bob")))
			.andExpect(status().isBadRequest());
		// Spring's binder also binds request headers into a model attribute
		this.mvc.perform(patch("/events/1/nested-form").header("event.id", "2").with(user("bob")))
			.andExpect(status().isBadRequest());
		this.mvc.perform(
				patch("/events/1/nested-form").param("event.id", "1").param("session.eventId", "1").with(user("bob")))
			.andExpect(status().isOk())
			.andExpect(content().string("form 1 1"));
		assertThat(this.sideEffects.ran()).containsExactly("form 1 1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"event\":{\"id\":2}}", "{\"session\":{\"eventId\":2}}",
			"{\"related\":[{\"eventId\":1},{\"eventId\":2}]}", "{\"extra\":{\"meta\":{\"event_id\":2}}}",
			"{\"extra\":{\"list\":[{\"event\":{\"id\":\"2\"}}]}}", "{\"extra\":{\"eventId\":[1,2]}}" })
	void jsonBodyThatNamesAnotherEventAtAnyDepthIsRefused(String body) throws Exception {
		for (String path : new String[] { "/events/1/nested-body", "/events/1/tree", "/events/1/entity" }) {
			send(path, body).andExpect(status().isBadRequest());
		}
		assertThat(this.sideEffects.ran()).isEmpty();
	}

	@Test
	void jsonBodyThatNamesTheCheckedEventAtAnyDepthIsAccepted() throws Exception {
		String body = "{\"event\":{\"id\":1},\"session\":{\"eventId\":1},\"related\":[{\"eventId\":1}],"
				+ "\"extra\":{\"meta\":{\"event_id\":\"1\"},\"event\":\"the summit\"},\"title\":\"x\"}";
		send("/events/1/nested-body", body).andExpect(status().isOk());
		send("/events/1/tree", body).andExpect(status().isOk());
		send("/events/1/entity", body).andExpect(status().isOk());
		assertThat(this.sideEffects.ran()).containsExactly("body 1 x", "tree 1", "entity 1");
	}

	@Test
	void propertyRenamedWithJsonPropertyIsReadByTheNameTheRequestUses() throws Exception {
		send("/events/1/renamed", "{\"event_id\":2}").andExpect(status().isBadRequest());
		send("/events/1/renamed", "{\"event_id\":1}").andExpect(status().isOk());
		assertThat(this.sideEffects.ran()).containsExactly("renamed 1");
	}

	@Test
	void everyParameterAsAMapMustAgreeWithTheModel() throws Exception {
		// session 10 belongs to event 1: ?event_id=2 would be read from the map by the
		// method
		this.mvc.perform(patch("/sessions/10/parameters").param("event_id", "2").with(user("bob")))
			.andExpect(status().isBadRequest());
		this.mvc.perform(patch("/sessions/10/parameters").param("event_id", "1").with(user("bob")))
			.andExpect(status().isOk());
		assertThat(this.sideEffects.ran()).containsExactly("parameters 10 {event_id=1}");
	}

	@Test
	void nestedIdOfAnotherObjectIsNotTheKey() throws Exception {
		send("/sessions/10/speakers", "{\"speakers\":[{\"id\":7},{\"id\":8}]}").andExpect(status().isOk());
		send("/sessions/10/speakers", "{\"speakers\":[{\"eventId\":2}]}").andExpect(status().isBadRequest());
		assertThat(this.sideEffects.ran()).containsExactly("speakers 10 2");
	}

	private ResultActions send(String path, String json) throws Exception {
		return this.mvc.perform(patch(path).contentType(MediaType.APPLICATION_JSON).content(json).with(user("bob")));
	}

	@Test
	void managedEntityBoundFromTheRequestMustBelongWhereTheUrlSaysWithoutLoadingIt() throws Exception {
		// card 10 belongs to board 1; its board is a lazy proxy the check reads the id of
		this.evaluator.grant("bob", "card:update", "board", 1);
		this.evaluator.grant("bob", "card:update", "board", 2);
		this.mvc.perform(patch("/boards/2/cards/10/relabel").param("label", "x").with(user("bob")))
			.andExpect(status().isBadRequest());
		this.mvc.perform(patch("/boards/1/cards/10/relabel").param("label", "x").with(user("bob")))
			.andExpect(status().isOk())
			.andExpect(content().string("relabel card 10 false"));
		assertThat(this.sideEffects.ran()).containsExactly("relabel card 10 false");
	}

}
