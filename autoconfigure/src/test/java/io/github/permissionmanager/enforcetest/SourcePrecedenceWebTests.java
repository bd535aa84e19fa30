package io.github.permissionmanager.enforcetest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The value that is checked is the value the method uses (DESIGN.md section 10): a
 * declared argument is the only source of its key, a key the request carries in two
 * places is refused, and a bound form or body object must agree with what was checked.
 * Bob holds {@code event:read} and {@code event:update} on event 1 only.
 */
@EnforceWebTest
class SourcePrecedenceWebTests extends AbstractEnforceWebTests {

	@BeforeEach
	void setUp() {
		this.evaluator.grant("bob", "event:read", "event", 1);
		this.evaluator.grant("bob", "event:update", "event", 1);
		this.evaluator.grant("bob", "session:update", "event", 1);
	}

	@Test
	void nullDeclaredArgumentIsMissingAndNeverFallsBackToTheQueryString() throws Exception {
		this.mvc.perform(get("/rows").param("event_id", "1").with(user("bob")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Bad Request"));
		this.mvc.perform(get("/rows").with(user("bob"))).andExpect(status().isBadRequest());
		this.mvc.perform(get("/events/1/rows").with(user("bob")))
			.andExpect(status().isOk())
			.andExpect(content().string("rows of event 1"));
		assertThat(this.sideEffects.ran()).containsExactly("rows of event 1");
	}

	@Test
	void keyInTheUriAndTheQueryStringIsAmbiguousAndRefused() throws Exception {
		this.mvc.perform(patch("/events/1/rename").param("eventId", "2").param("name", "x").with(user("bob")))
			.andExpect(status().isBadRequest());
		this.mvc.perform(patch("/events/1/rename").param("name", "x").with(user("bob")))
			.andExpect(status().isOk())
			.andExpect(content().string("rename event 1 to x"));
		assertThat(this.sideEffects.ran()).containsExactly("rename event 1 to x");
	}

	@Test
	void keyInTheUriAndAFormFieldIsAmbiguousAndRefused() throws Exception {
		this.mvc
			.perform(patch("/events/1/rename").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("eventId=2&name=x")
				.with(user("bob")))
			.andExpect(status().isBadRequest());
		assertThat(this.sideEffects.ran()).isEmpty();
	}

	@Test
	void jsonBodyThatNamesAnotherObjectThanTheUriIsRefused() throws Exception {
		this.mvc
			.perform(patch("/events/1/retitle").contentType(MediaType.APPLICATION_JSON)
				.content("{\"eventId\":2,\"name\":\"x\"}")
				.with(user("bob")))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(patch("/events/1/retitle").contentType(MediaType.APPLICATION_JSON)
				.content("{\"eventId\":1,\"name\":\"y\"}")
				.with(user("bob")))
			.andExpect(status().isOk());
		this.mvc
			.perform(patch("/events/1/retitle").contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"z\"}")
				.with(user("bob")))
			.andExpect(status().isOk());
		assertThat(this.sideEffects.ran()).containsExactly("retitle event 1 to y", "retitle event null to z");
	}

	@Test
	void undeclaredQueryParameterNeverOutranksTheModelLookup() throws Exception {
		// session 20 belongs to event 2; ?event_id=1 is not a parameter of the handler
		this.mvc.perform(patch("/sessions/20").param("event_id", "1").content("stolen").with(user("bob")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.resource.id").value("2"));
		assertThat(this.data.sessionTitle(20)).isEqualTo("Other");
		assertThat(this.sideEffects.ran()).isEmpty();
	}

	@Test
	void undeclaredQueryParameterNeverOutranksAUriVariable() throws Exception {
		this.mvc.perform(get("/events/2/summary").param("event_id", "1").with(user("bob")))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/events/1/summary").param("event_id", "1").with(user("bob")))
			.andExpect(status().isBadRequest());
		assertThat(this.sideEffects.ran()).isEmpty();
	}

	@Test
	void declaredRequestParamWithTheSameNameAsAUriVariableIsAmbiguous() throws Exception {
		this.evaluator.grant("bob", "event:read", "event", 2);
		this.mvc.perform(get("/events/1/copy").param("event_id", "2").with(user("bob")))
			.andExpect(status().isBadRequest());
		assertThat(this.sideEffects.ran()).isEmpty();
	}

}
