package io.github.permissionmanager.enforcetest;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The resource found through a JPA lookup ({@code model}): the {@code session-event} rule
 * of DESIGN.md §3 on {@code PATCH /sessions/{id}}, a property path across two
 * associations, missing rows, bad ids, ambiguous lookups and the URL-versus-model
 * cross-check. Bob holds only what each test grants.
 */
@EnforceWebTest
class ModelLookupWebTests extends AbstractEnforceWebTests {

	@Autowired
	SessionController sessions;

	@Test
	void updateWhenGrantedOnTheSessionsEventThenOkAfterExactlyOneStatement() throws Exception {
		this.evaluator.grant("bob", "session:update", "event", 1);
		this.data.clearStatistics();
		this.mvc.perform(patch("/sessions/10").content("Renamed").with(user("bob"))).andExpect(status().isOk());
		assertThat(this.sessions.statementsBeforeBody()).isEqualTo(1);
		assertThat(this.data.sessionTitle(10)).isEqualTo("Renamed");
		assertThat(this.evaluator.requests()).singleElement()
			.satisfies((request) -> assertThat(request.resource().type()).isEqualTo("event"))
			.satisfies((request) -> assertThat(request.resource().id()).isEqualTo("1"))
			.satisfies((request) -> assertThat(request.context().get("event_id")).isEqualTo(1L));
	}

	@Test
	void twoChecksInOneRequestShareTheOneLookupStatement() throws Exception {
		this.evaluator.grant("bob", "session:update", "event", 1);
		this.data.clearStatistics();
		this.mvc.perform(patch("/sessions/10/twice").content("Twice").with(user("bob"))).andExpect(status().isOk());
		assertThat(this.evaluator.requests()).hasSize(2);
		assertThat(this.sessions.statementsBeforeBody()).isEqualTo(1);
		assertThat(this.data.sessionTitle(10)).isEqualTo("Twice");
	}

	@Test
	void updateWhenSessionBelongsToOtherEventThenForbiddenAndRowUnchanged() throws Exception {
		this.evaluator.grant("bob", "session:update", "event", 1);
		this.mvc.perform(patch("/sessions/20").content("Hijacked").with(user("bob")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.missingPermissions").value(containsInAnyOrder("session:update")))
			.andExpect(jsonPath("$.resource.type").value("event"))
			.andExpect(jsonPath("$.resource.id").value("2"));
		assertThat(this.data.sessionTitle(20)).isEqualTo("Other");
		assertThat(this.sideEffects.ran()).isEmpty();
	}

	@Test
	void updateWhenSessionDoesNotExistThen404AndTheBodyDoesNotRun() throws Exception {
		this.evaluator.grant("bob", "session:update", "event", "*");
		this.mvc.perform(patch("/sessions/999").content("Ghost").with(user("bob")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Not Found"));
		assertThat(this.sideEffects.ran()).isEmpty();
		assertThat(this.evaluator.requests()).isEmpty();
	}

	@Test
	void updateWhenIdIsNotConvertibleToTheEntityIdThen400AndTheBodyDoesNotRun() throws Exception {
		this.evaluator.grant("bob", "session:update", "event", "*");
		this.mvc.perform(patch("/sessions/abc").content("Bad").with(user("bob")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Bad Request"));
		assertThat(this.sideEffects.ran()).isEmpty();
	}

	@Test
	void zeroIsARealSessionId() throws Exception {
		this.evaluator.grant("bob", "session:update", "event", 1);
		this.mvc.perform(patch("/sessions/0").content("Zeroed").with(user("bob"))).andExpect(status().isOk());
		assertThat(this.data.sessionTitle(0)).isEqualTo("Zeroed");
	}

	@Test
	void lookupMatchingMoreThanOneRowIsNotDecidedAndTheBodyDoesNotRun() throws Exception {
		this.evaluator.grant("bob", "session:read", "event", "*");
		this.mvc.perform(get("/sessions/by-title/Opening").with(user("bob"))).andExpect(status().isOk());
		this.mvc.perform(get("/sessions/by-title/Twin").with(user("bob"))).andExpect(status().isServiceUnavailable());
		assertThat(this.sideEffects.ran()).containsExactly("session titled Opening");
	}

	@Test
	void propertyPathAcrossTwoAssociationsResolvesTheBoardOfTheCommentsCard() throws Exception {
		this.evaluator.grant("bob", "board:read", "board", 1);
		this.data.clearStatistics();
		this.mvc.perform(get("/comments/100").with(user("bob"))).andExpect(status().isOk());
		this.mvc.perform(get("/comments/200").with(user("bob")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.resource.type").value("board"))
			.andExpect(jsonPath("$.resource.id").value("2"));
		assertThat(this.sideEffects.ran()).containsExactly("comment 100");
	}

	@Test
	void cardOfAnotherBoardIsNeverReachedThroughThisBoardsUrl() throws Exception {
		this.evaluator.grant("bob", "card:update", "board", 1);
		this.mvc.perform(patch("/boards/1/cards/20").content("moved").with(user("bob")))
			.andExpect(status().isNotFound());
		this.mvc.perform(patch("/boards/2/cards/20").content("moved").with(user("bob")))
			.andExpect(status().isForbidden());
		assertThat(this.data.cardLabel(20)).isEqualTo("todo");
		this.mvc.perform(patch("/boards/1/cards/10").content("done").with(user("bob"))).andExpect(status().isOk());
		assertThat(this.data.cardLabel(10)).isEqualTo("done");
		assertThat(this.sideEffects.ran()).containsExactly("update card 10");
	}

}
