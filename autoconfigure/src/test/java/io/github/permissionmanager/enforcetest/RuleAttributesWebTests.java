package io.github.permissionmanager.enforcetest;

import io.github.permissionmanager.PermissionDeniedException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * ALL and ANY, {@code methods}, {@code leaveIf}, {@code check}, {@code optional}, and the
 * problem responses (403, 401, 503) — all through Spring Security's filter chain and past
 * an application {@code @ControllerAdvice} that turns every exception into a 500.
 */
@EnforceWebTest
class RuleAttributesWebTests extends AbstractEnforceWebTests {

	@Autowired
	EventService eventService;

	@Test
	void denialIsAProblemNamingMissingPermissionAndResourceAndTheBodyDoesNotRun() throws Exception {
		this.mvc.perform(post("/events/7/publish").with(user("bob")))
			.andExpect(status().isForbidden())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Forbidden"))
			.andExpect(jsonPath("$.status").value(403))
			.andExpect(jsonPath("$.detail").value("Only organizers can publish an event."))
			.andExpect(jsonPath("$.missingPermissions").value(containsInAnyOrder("event:publish")))
			.andExpect(jsonPath("$.resource.type").value("event"))
			.andExpect(jsonPath("$.resource.id").value("7"))
			.andExpect(jsonPath("$.resolutionSteps[0]").value("Ask an organizer of the event to add you."))
			.andExpect(jsonPath("$.supportContact").value("events@example.org"))
			.andExpect(jsonPath("$.caughtBy").doesNotExist());
		assertThat(this.sideEffects.ran()).isEmpty();
	}

	@Test
	void denialWithoutCatalogEntryHasAPlainDetail() throws Exception {
		this.mvc.perform(get("/events/7").with(user("bob")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("You do not have permission to perform this action."))
			.andExpect(jsonPath("$.resolutionSteps").doesNotExist());
	}

	@Test
	void applicationAdviceStillHandlesItsOwnExceptions() throws Exception {
		this.mvc.perform(get("/broken").with(user("bob")))
			.andExpect(status().isInternalServerError())
			.andExpect(jsonPath("$.caughtBy").value("application"));
	}

	@Test
	void anonymousUserGets401ProblemAndTheBodyDoesNotRun() throws Exception {
		this.evaluator.grant("anonymousUser", "event:publish", "event", 7);
		this.mvc.perform(post("/events/7/publish").with(anonymous()))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Unauthorized"));
		this.mvc.perform(post("/events/7/publish")).andExpect(status().isUnauthorized());
		assertThat(this.sideEffects.ran()).isEmpty();
		assertThat(this.evaluator.requests()).isEmpty();
	}

	@Test
	void evaluatorFailureIs503WithoutClassNamesAndTheBodyDoesNotRun() throws Exception {
		this.evaluator.grant("bob", "event:publish", "event", 7);
		this.evaluator.failWith(true);
		this.mvc.perform(post("/events/7/publish").with(user("bob")))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Service Unavailable"))
			.andExpect(content().string(not(containsString("Exception"))))
			.andExpect(content().string(not(containsString("java."))))
			.andExpect(content().string(not(containsString("jdbc"))))
			.andExpect(content().string(not(containsString("permissionmanager"))));
		assertThat(this.sideEffects.ran()).isEmpty();
	}

	@Test
	void allNeedsEveryPermissionAndListsOnlyTheMissingOnes() throws Exception {
		this.evaluator.grant("bob", "event:read", "event", 7);
		this.mvc.perform(delete("/events/7").with(user("bob")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.missingPermissions").value(containsInAnyOrder("event:delete")));
		assertThat(this.sideEffects.ran()).isEmpty();
		this.evaluator.grant("bob", "event:delete", "event", 7);
		this.mvc.perform(delete("/events/7").with(user("bob"))).andExpect(status().isOk());
		assertThat(this.sideEffects.ran()).containsExactly("delete 7");
	}

	@Test
	void anyNeedsOneOfThePermissions() throws Exception {
		this.mvc.perform(put("/events/7").with(user("bob")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.missingPermissions").value(containsInAnyOrder("event:update", "event:admin")));
		this.evaluator.grant("bob", "event:admin", "event", 7);
		this.mvc.perform(put("/events/7").with(user("bob"))).andExpect(status().isOk());
		assertThat(this.sideEffects.ran()).containsExactly("update 7");
	}

	@Test
	void methodsFilterChecksOnlyTheListedHttpMethods() throws Exception {
		this.mvc.perform(get("/events/7/settings").with(user("bob"))).andExpect(status().isOk());
		this.mvc.perform(put("/events/7/settings").with(user("bob"))).andExpect(status().isForbidden());
		assertThat(this.sideEffects.ran()).containsExactly("settings 7");
		assertThat(this.evaluator.requests()).hasSize(1);
	}

	@Test
	void headIsCheckedLikeGetSinceItRunsTheGetHandler() throws Exception {
		this.mvc.perform(head("/events/7/export").with(user("bob"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/events/7/export").with(user("bob"))).andExpect(status().isForbidden());
		this.mvc.perform(post("/events/7/export").with(user("bob"))).andExpect(status().isOk());
		assertThat(this.sideEffects.ran()).containsExactly("export 7");
	}

	@Test
	void leaveIfTrueSkipsTheCheck() throws Exception {
		this.mvc.perform(get("/events/1/preview").with(user("bob"))).andExpect(status().isOk());
		this.mvc.perform(get("/events/2/preview").with(user("bob"))).andExpect(status().isForbidden());
		assertThat(this.sideEffects.ran()).containsExactly("preview 1");
	}

	@Test
	void checkFalseDeniesEvenWithTheGrant() throws Exception {
		this.evaluator.grant("bob", "event:update", "event", 12);
		this.evaluator.grant("bob", "event:update", "event", 13);
		this.mvc.perform(post("/events/12/close").with(user("bob"))).andExpect(status().isOk());
		this.mvc.perform(post("/events/13/close").with(user("bob")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.missingPermissions").isEmpty());
		assertThat(this.sideEffects.ran()).containsExactly("close 12");
	}

	@Test
	void optionalPermissionsAreSeenByTheMethodAndNeverBlock() throws Exception {
		this.evaluator.grant("bob", "event:read", "event", 7);
		this.mvc.perform(get("/events/7/dashboard").with(user("bob")))
			.andExpect(status().isOk())
			.andExpect(content().string("granted=[event:read] update=false event_id=7"));
		this.evaluator.grant("bob", "event:update", "event", 7);
		this.mvc.perform(get("/events/7/dashboard").with(user("bob")))
			.andExpect(status().isOk())
			.andExpect(content().string("granted=[event:read, event:update] update=true event_id=7"));
	}

	@Test
	void optionalPermissionsDoNotReplaceTheRequiredOne() throws Exception {
		this.evaluator.grant("bob", "event:update", "event", 7);
		this.mvc.perform(get("/events/7/dashboard").with(user("bob")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.missingPermissions").value(containsInAnyOrder("event:read")));
		assertThat(this.sideEffects.ran()).isEmpty();
	}

	@Test
	void typeLevelAnnotationGuardsEveryHandlerAndAMethodsOwnReplacesIt() throws Exception {
		this.evaluator.grant("bob", "report:read", "event", 7);
		this.mvc.perform(get("/events/7/reports/attendance").with(user("bob"))).andExpect(status().isOk());
		this.mvc.perform(get("/events/8/reports/attendance").with(user("bob"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/events/7/reports/revenue").with(user("bob")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.missingPermissions").value(containsInAnyOrder("report:finance")));
		this.evaluator.grant("bob", "report:finance", "event", 7);
		this.mvc.perform(get("/events/7/reports/revenue").with(user("bob"))).andExpect(status().isOk());
		assertThat(this.sideEffects.ran()).containsExactly("attendance 7", "revenue 7");
	}

	@Test
	@WithMockUser("bob")
	void methodsFilterDoesNotSkipACheckWhenTheRequestHasNoRealHttpMethod() {
		// the test framework binds a bare mock request (method "") to the thread
		assertThatExceptionOfType(PermissionDeniedException.class).isThrownBy(() -> this.eventService.export(7));
		assertThat(this.sideEffects.ran()).isEmpty();
	}

	@Test
	void serviceCalledFromAGuardedHandlerIsCheckedToo() throws Exception {
		this.evaluator.grant("bob", "event:read", "event", 7);
		this.mvc.perform(post("/events/7/archive").with(user("bob")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.missingPermissions").value(containsInAnyOrder("event:archive")));
		assertThat(this.sideEffects.ran()).isEmpty();
		this.evaluator.grant("bob", "event:archive", "event", 7);
		this.mvc.perform(post("/events/7/archive").with(user("bob"))).andExpect(status().isOk());
		assertThat(this.sideEffects.ran()).containsExactly("service archive 7", "archive 7");
	}

}
