package io.github.permissionmanager.enforcetest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Further attacks on the enforcement path, each written down as a test: verbs the filter
 * does not know, Optional and Map arguments, matrix variables and encoded parameter
 * names. Bob holds {@code event:read} and {@code event:update} on event 1 only.
 */
@EnforceWebTest
class AttackersPassWebTests extends AbstractEnforceWebTests {

	@BeforeEach
	void setUp() {
		this.evaluator.grant("bob", "event:read", "event", 1);
		this.evaluator.grant("bob", "event:update", "event", 1);
	}

	@Test
	void verbTheFilterDoesNotKnowIsCheckedNotWaved() throws Exception {
		// Spring Security's default firewall refuses PROPFIND (400) before anything runs;
		// with it relaxed, Spring MVC runs the handler mapped to every verb, and a verb
		// the methods filter does not know is checked, never waved through
		this.mvc.perform(request(HttpMethod.valueOf("PROPFIND"), "/events/2/anything").with(user("bob")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.resource.id").value("2"));
		this.mvc.perform(request(HttpMethod.valueOf("PROPFIND"), "/events/1/anything").with(user("bob")))
			.andExpect(status().isOk());
		this.mvc.perform(post("/events/2/anything").with(user("bob"))).andExpect(status().isForbidden());
		// GET is outside the filter of a handler mapped to every verb: it passes
		// unchecked, as documented
		this.mvc.perform(get("/events/2/anything").with(user("bob"))).andExpect(status().isOk());
		assertThat(this.sideEffects.ran()).containsExactly("anything 1", "anything 2");
	}

	@Test
	void emptyOptionalArgumentIsMissingAndNeverFallsBackToTheQueryString() throws Exception {
		this.mvc.perform(get("/maybe").param("event_id", "1").with(user("bob"))).andExpect(status().isBadRequest());
		this.mvc.perform(get("/events/1/maybe").with(user("bob")))
			.andExpect(status().isOk())
			.andExpect(content().string("maybe 1"));
		this.mvc.perform(get("/events/2/maybe").with(user("bob"))).andExpect(status().isForbidden());
		assertThat(this.sideEffects.ran()).containsExactly("maybe 1");
	}

	@Test
	void mapBodyThatNamesAnotherObjectIsRefused() throws Exception {
		this.mvc
			.perform(patch("/events/1/meta").contentType(MediaType.APPLICATION_JSON)
				.content("{\"event_id\":2}")
				.with(user("bob")))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(patch("/events/1/meta").contentType(MediaType.APPLICATION_JSON)
				.content("{\"eventId\":\"2\"}")
				.with(user("bob")))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(patch("/events/1/meta").contentType(MediaType.APPLICATION_JSON)
				.content("{\"event_id\":1,\"note\":\"x\"}")
				.with(user("bob")))
			.andExpect(status().isOk());
		assertThat(this.sideEffects.ran()).hasSize(1);
	}

	@Test
	void matrixContentTheMethodDoesNotBindIsNotASource() throws Exception {
		// @PathVariable binds the segment without its matrix content, so the check reads
		// the same event the method uses
		this.mvc.perform(get("/events/1;event_id=2/rows").with(user("bob")))
			.andExpect(status().isOk())
			.andExpect(content().string("rows of event 1"));
		this.mvc.perform(get("/events/2;event_id=1/rows").with(user("bob")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.resource.id").value("2"));
		assertThat(this.evaluator.requests()).extracting((request) -> request.resource().id())
			.containsExactly("1", "2");
		assertThat(this.sideEffects.ran()).containsExactly("rows of event 1");
	}

	@Test
	void matrixVariableTheMethodBindsIsTheOnlySourceOfItsKey() throws Exception {
		this.mvc.perform(get("/events/1;event_id=2/shift").with(user("bob")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.resource.id").value("2"));
		this.mvc.perform(get("/events/2;event_id=1/shift").with(user("bob")))
			.andExpect(status().isOk())
			.andExpect(content().string("shift to event 1"));
		// without the matrix variable the argument is null: missing, never the URI's
		// event
		this.mvc.perform(get("/events/1/shift").with(user("bob"))).andExpect(status().isBadRequest());
		assertThat(this.sideEffects.ran()).containsExactly("shift to event 1");
	}

	@Test
	void percentEncodedParameterNameNeverChangesWhatIsChecked() throws Exception {
		// MockMvc keeps the encoded name, so it is another parameter, and the check
		// reads the URI's event (a servlet container decodes it: RealPortSourcesTests)
		this.mvc.perform(get("/events/1/summary?event%5Fid=2").with(user("bob"))).andExpect(status().isOk());
		this.mvc.perform(get("/events/2/summary?event%5Fid=1").with(user("bob"))).andExpect(status().isForbidden());
		assertThat(this.evaluator.requests()).extracting((request) -> request.resource().id())
			.containsExactly("1", "2");
		assertThat(this.sideEffects.ran()).containsExactly("summary");
	}

	@Test
	void bodyThatDisagreesWithTheModelIsRefusedAndMovesNothing() throws Exception {
		this.evaluator.grant("bob", "session:update", "event", 2);
		this.mvc
			.perform(patch("/sessions/20/move").contentType(MediaType.APPLICATION_JSON)
				.content("{\"eventId\":1,\"title\":\"x\"}")
				.with(user("bob")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.resource.type").value("event"));
		this.mvc
			.perform(patch("/sessions/20/move").contentType(MediaType.APPLICATION_JSON)
				.content("{\"eventId\":2,\"title\":\"x\"}")
				.with(user("bob")))
			.andExpect(status().isOk());
		assertThat(this.sideEffects.ran()).containsExactly("move session 20 to event 2");
	}

	@Test
	void anonymousCallerLearnsNothingFromALookupMatchingSeveralRows() throws Exception {
		// sessions 31 and 32 are both titled Twin: a 503 would tell that rows exist
		this.mvc.perform(get("/sessions/titled/Twin/preview")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/sessions/titled/Nobody/preview")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/sessions/titled/Twin/preview").with(user("bob")))
			.andExpect(status().isServiceUnavailable());
		assertThat(this.sideEffects.ran()).isEmpty();
	}

}
