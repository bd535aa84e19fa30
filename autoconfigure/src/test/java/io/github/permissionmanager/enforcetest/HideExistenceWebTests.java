package io.github.permissionmanager.enforcetest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With {@code permission-manager.hide-existence=true} a missing object answers exactly as
 * a denial does, so a user cannot learn which ids exist (nor, through a denial, which
 * event a session belongs to).
 */
@EnforceWebTest(properties = "permission-manager.hide-existence=true")
@ExtendWith(OutputCaptureExtension.class)
class HideExistenceWebTests extends AbstractEnforceWebTests {

	@Test
	void missingSessionAnswersLikeADeniedOne() throws Exception {
		this.evaluator.grant("bob", "session:update", "event", 1);
		String missing = this.mvc.perform(patch("/sessions/999").content("x").with(user("bob")))
			.andExpect(status().isForbidden())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String denied = this.mvc.perform(patch("/sessions/20").content("x").with(user("bob")))
			.andExpect(status().isForbidden())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(missing.replace("999", "ID")).isEqualTo(denied.replace("20", "ID"));
		assertThat(denied).doesNotContain("\"id\"");
		assertThat(this.sideEffects.ran()).isEmpty();
		assertThat(this.data.sessionTitle(20)).isEqualTo("Other");
	}

	@Test
	void denialListsEveryRequiredPermissionLikeAMissingObjectWould() throws Exception {
		this.evaluator.grant("bob", "event:read", "event", 7);
		this.mvc.perform(delete("/events/7").with(user("bob")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.missingPermissions").value(containsInAnyOrder("event:delete", "event:read")))
			.andExpect(jsonPath("$.resource.type").value("event"))
			.andExpect(jsonPath("$.resource.id").doesNotExist());
		assertThat(this.sideEffects.ran()).isEmpty();
	}

	@Test
	void everyRefusalOfOneRuleAnswersTheSameBytes() throws Exception {
		this.evaluator.grant("bob", "card:update", "board", 1);
		this.evaluator.grant("bob", "card:read", "board", 1);
		this.evaluator.grant("bob", "card:update", "board", 2);
		String missingPermission = label("/boards/2/cards/20/label");
		String checkFalse = label("/boards/1/cards/10/label");
		String missingObject = label("/boards/1/cards/99/label");
		String crossCheck = label("/boards/1/cards/20/label");
		assertThat(checkFalse).isEqualTo(missingPermission);
		assertThat(missingObject).isEqualTo(missingPermission);
		assertThat(crossCheck).isEqualTo(missingPermission);
		assertThat(missingPermission).contains("card:update", "card:read").doesNotContain("\"id\"");
		assertThat(this.sideEffects.ran()).isEmpty();
	}

	@Test
	void lookupMatchingSeveralRowsAnswersLikeEveryOtherRefusalAndIsLogged(CapturedOutput output) throws Exception {
		// sessions 31 and 32 are both titled Twin; bob may read the sessions of event 2
		this.evaluator.grant("bob", "session:read", "event", 2);
		String several = refused(get("/sessions/by-title/Twin"), "/sessions/by-title/Twin");
		String missing = refused(get("/sessions/by-title/Nobody"), "/sessions/by-title/Nobody");
		String denied = refused(get("/sessions/by-title/Opening"), "/sessions/by-title/Opening");
		assertThat(several).isEqualTo(denied);
		assertThat(missing).isEqualTo(denied);
		assertThat(output).contains("Lookup of Session by title 'Twin' matched more than one row",
				"answered as the rule's denial");
		assertThat(this.sideEffects.ran()).isEmpty();
	}

	@Test
	void bodyThatDisagreesWithTheModelAnswersLikeEveryOtherRefusal() throws Exception {
		// session 20 belongs to event 2; bob may update the sessions of event 1 only
		this.evaluator.grant("bob", "session:update", "event", 1);
		String namesEventOne = refused(move(20, "{\"eventId\":1}"), "/sessions/20/move");
		String namesEventTwo = refused(move(20, "{\"eventId\":2}"), "/sessions/20/move");
		String missing = refused(move(999, "{\"eventId\":1}"), "/sessions/999/move");
		assertThat(namesEventOne).isEqualTo(namesEventTwo);
		assertThat(missing).isEqualTo(namesEventTwo);
		assertThat(namesEventTwo).contains("session:update").doesNotContain("\"id\"");
		assertThat(this.sideEffects.ran()).isEmpty();
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder move(long session,
			String body) {
		return patch("/sessions/" + session + "/move").contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private String refused(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			String path) throws Exception {
		return this.mvc.perform(request.with(user("bob")))
			.andExpect(status().isForbidden())
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replace(path, "PATH");
	}

	private String label(String path) throws Exception {
		String body = this.mvc.perform(patch(path).content("x").with(user("bob")))
			.andExpect(status().isForbidden())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return body.replace(path, "PATH");
	}

	@Test
	void crossCheckMismatchAnswersLikeADenial() throws Exception {
		this.evaluator.grant("bob", "card:update", "board", 1);
		this.mvc.perform(patch("/boards/1/cards/20").content("moved").with(user("bob")))
			.andExpect(status().isForbidden())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("card:update")));
		assertThat(this.data.cardLabel(20)).isEqualTo("todo");
	}

}
