package io.github.permissionmanager.securitytest;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Request rules of {@code authorizeHttpRequests} ({@code permissions.on(type, variable)
 * .require(p)}) and {@code @permissions.check} expressions, beside a
 * {@code @RequiresPermissions} method: a denial from each has the same problem body; a
 * missing path variable or a store failure denies, never a 500.
 */
class RequestRuleWebTests extends AbstractSecurityWebTests {

	@Test
	void cardsWhenUserHoldsTheBoardGrantThenAllowed() throws Exception {
		this.grants.grant(Grant.of(Grantee.user("bob"), "board:read").on("board", 5));
		this.mvc.perform(get("/boards/5/cards").with(user("bob")))
			.andExpect(status().isOk())
			.andExpect(content().string("cards of 5"));
		assertThat(this.calls.ran()).containsExactly("cards 5");
	}

	@Test
	void cardsWhenGroupOfTheAuthoritiesHoldsTheGrantThenAllowed() throws Exception {
		this.grants.grant(Grant.of(Grantee.group("readers"), "board:read").on("board", 5));
		this.mvc.perform(get("/boards/5/cards").with(user("carol").authorities(() -> "GROUP_readers")))
			.andExpect(status().isOk());
	}

	@Test
	void cardsOfAnotherBoardThenTheSameProblemAsRequiresPermissions() throws Exception {
		this.grants.grant(Grant.of(Grantee.user("bob"), "board:read").on("board", 5));
		String rule = this.mvc.perform(get("/boards/6/cards").with(user("bob")))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.missingPermissions").value(contains("board:read")))
			.andExpect(jsonPath("$.resource.type").value("board"))
			.andExpect(jsonPath("$.resource.id").value("6"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String annotation = this.mvc.perform(get("/pinboards/6").with(user("bob")))
			.andExpect(status().isForbidden())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(rule.replace("/boards/6/cards", "PATH")).isEqualTo(annotation.replace("/pinboards/6", "PATH"));
		assertThat(this.calls.ran()).isEmpty();
	}

	@Test
	void cardsWhenAnonymousThenUnauthorized() throws Exception {
		this.mvc.perform(get("/boards/5/cards")).andExpect(status().isUnauthorized());
		assertThat(this.calls.ran()).isEmpty();
	}

	@Test
	void ruleWhoseMatcherLacksThePathVariableDeniesEvenAGlobalGrant() throws Exception {
		this.grants.grant(Grant.of(Grantee.user("bob"), "board:read"));
		this.mvc.perform(get("/misconfigured/5").with(user("bob")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.missingPermissions").value(contains("board:read")));
		assertThat(this.calls.ran()).isEmpty();
	}

	@Test
	void cardsWhenTheStoreFailsThenServiceUnavailableNeverAServerError() throws Exception {
		this.grants.grant(Grant.of(Grantee.user("bob"), "board:read").on("board", 5));
		this.evaluator.broken(true);
		this.mvc.perform(get("/boards/5/cards").with(user("bob")))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(content().string(not(containsString("secret"))));
		assertThat(this.calls.ran()).isEmpty();
	}

	@Test
	void permissionsCheckWhenTheStoreFailsThenServiceUnavailable() throws Exception {
		this.grants.grant(Grant.of(Grantee.user("bob"), "board:export").on("board", 5));
		this.evaluator.broken(true);
		this.mvc.perform(get("/exports/5").with(user("bob")))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.caughtBy").doesNotExist());
		assertThat(this.calls.ran()).isEmpty();
	}

	@Test
	void cardsWhenTheAuthenticationHasNoNameThenUnauthorizedProblem() throws Exception {
		// allowed by its group, were the blank name not taken for nobody
		this.grants.grant(Grant.of(Grantee.group("readers"), "board:read"));
		this.grants.grant(Grant.of(Grantee.group("readers"), "board:export"));
		UsernamePasswordAuthenticationToken nameless = UsernamePasswordAuthenticationToken.authenticated(" ", "n/a",
				List.of(new SimpleGrantedAuthority("GROUP_readers")));
		this.mvc.perform(get("/boards/5/cards").with(authentication(nameless)))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/exports/5").with(authentication(nameless))).andExpect(status().isUnauthorized());
		assertThat(this.calls.ran()).isEmpty();
	}

	@Test
	void unscopedRuleWithAnyOfItsPermissions() throws Exception {
		this.grants.grant(Grant.of(Grantee.user("bob"), "report:admin"));
		this.grants.grant(Grant.of(Grantee.user("carol"), "report:read").on("board", 5));
		this.mvc.perform(get("/reports/daily").with(user("bob"))).andExpect(status().isOk());
		this.mvc.perform(get("/reports/daily").with(user("carol")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.missingPermissions").value(contains("report:read", "report:admin")))
			.andExpect(jsonPath("$.resource").doesNotExist());
	}

	@Test
	void permissionsCheckExpressionOnAnObjectAndUnscoped() throws Exception {
		this.grants.grant(Grant.of(Grantee.user("bob"), "board:export").on("board", 5));
		this.mvc.perform(get("/exports/5").with(user("bob"))).andExpect(status().isOk());
		this.mvc.perform(get("/exports/6").with(user("bob")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.missingPermissions").value(contains("board:export")))
			.andExpect(jsonPath("$.resource.id").value("6"));
		this.mvc.perform(get("/exports").with(user("bob"))).andExpect(status().isForbidden());
		assertThat(this.calls.ran()).containsExactly("export 5");
	}

}
