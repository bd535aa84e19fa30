package io.github.permissionmanager.securitytest;

import java.net.URI;
import java.util.List;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import org.junit.jupiter.api.Test;

import org.springframework.web.servlet.resource.NoResourceFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The attacker's pass on request rules: paths that only half match the rule's pattern
 * ({@code /boards/{board_id}/**}) never reach another board's handler, whatever their
 * form, and a request rule and a {@code @RequiresPermissions} on the same endpoint must
 * both allow.
 */
class RequestRuleAttackTests extends AbstractSecurityWebTests {

	@Test
	void pathFormsTheRuleStillMatchesAreCheckedOnTheBoardOfThePath() throws Exception {
		this.grants.grant(Grant.of(Grantee.user("bob"), "board:read").on("board", 5));
		// a trailing slash, an encoded digit, a query parameter naming the allowed board
		for (String path : List.of("/boards/6/cards/", "/boards/%36/cards", "/boards/6/cards?board_id=5")) {
			this.mvc.perform(get(URI.create(path)).with(user("bob")))
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.resource.id").value("6"));
		}
		assertThat(this.calls.ran()).isEmpty();
	}

	@Test
	void pathFormsThatHideTheBoardAreRejectedBeforeAnyHandler() throws Exception {
		this.grants.grant(Grant.of(Grantee.user("bob"), "board:read").on("board", 5));
		// matrix content, an encoded slash, an empty segment, dot segments, an encoded
		// dot
		for (String path : List.of("/boards/6;board_id=5/cards", "/boards;x=5/6/cards", "/boards/5%2F..%2F6/cards",
				"/boards//6/cards", "/boards/5/../6/cards", "/boards/5/%2e%2e/6/cards", "/boards/6%3B/cards")) {
			this.mvc.perform(get(URI.create(path)).with(user("bob"))).andExpect(status().isBadRequest());
		}
		assertThat(this.calls.ran()).isEmpty();
	}

	@Test
	void pathInAnotherCaseMatchesNeitherTheRuleNorAHandler() throws Exception {
		this.grants.grant(Grant.of(Grantee.user("bob"), "board:read").on("board", 5));
		// no handler: Spring MVC's 404, which this application's catch-all advice turns
		// into a 500; what matters is that no handler runs
		for (String path : List.of("/BOARDS/6/cards", "/Boards/6/Cards")) {
			this.mvc.perform(get(path).with(user("bob")))
				.andExpect((result) -> assertThat(result.getResolvedException())
					.isInstanceOf(NoResourceFoundException.class));
		}
		assertThat(this.calls.ran()).isEmpty();
	}

	@Test
	void requestRuleAndRequiresPermissionsOnOneEndpointMustBothAllow() throws Exception {
		this.grants.grant(Grant.of(Grantee.user("bob"), "board:read").on("board", 5));
		this.grants.grant(Grant.of(Grantee.user("carol"), "board:secret").on("board", 5));
		this.grants.grant(Grant.of(Grantee.user("dave"), "board:read").on("board", 5));
		this.grants.grant(Grant.of(Grantee.user("dave"), "board:secret").on("board", 5));
		this.mvc.perform(get("/boards/5/secrets").with(user("bob")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.missingPermissions").value(contains("board:secret")));
		this.mvc.perform(get("/boards/5/secrets").with(user("carol")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.missingPermissions").value(contains("board:read")));
		assertThat(this.calls.ran()).isEmpty();
		this.mvc.perform(get("/boards/5/secrets").with(user("dave"))).andExpect(status().isOk());
		this.mvc.perform(get("/boards/6/secrets").with(user("dave")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.missingPermissions").value(contains("board:read")));
		assertThat(this.calls.ran()).containsExactly("secrets 5");
	}

}
