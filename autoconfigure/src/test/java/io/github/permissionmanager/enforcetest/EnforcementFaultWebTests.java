package io.github.permissionmanager.enforcetest;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Conditions that throw, callers without a name, {@code leaveIf} for anonymous callers,
 * and SpEL variables from arguments, URI variables and request parameters. Never a 500,
 * never the method body without a clean allow.
 */
@EnforceWebTest
class EnforcementFaultWebTests extends AbstractEnforceWebTests {

	@BeforeEach
	void setUp() {
		this.evaluator.grant("bob", "event:read", "event", 1);
	}

	@Test
	void conditionThatThrowsARuntimeExceptionAnswers503AndTheMethodDoesNotRun() throws Exception {
		this.mvc.perform(get("/events/1/fragile").with(user("bob")))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(content().string(not(containsString("Exception"))));
		assertThat(this.sideEffects.ran()).isEmpty();
	}

	@Test
	void authenticationWithAnEmptyNameIsNotAuthenticated() throws Exception {
		for (var caller : List.of(new TestingAuthenticationToken("", null, "ROLE_USER"),
				UsernamePasswordAuthenticationToken.authenticated(" ", null, AuthorityUtils.NO_AUTHORITIES))) {
			this.mvc.perform(get("/events/1").with(authentication(caller)))
				.andExpect(status().isUnauthorized())
				.andExpect(content().contentType("application/problem+json"));
		}
		assertThat(this.sideEffects.ran()).isEmpty();
	}

	@Test
	void leaveIfThatHoldsNeedsNoAuthentication() throws Exception {
		this.mvc.perform(get("/events/1/preview").with(anonymous()))
			.andExpect(status().isOk())
			.andExpect(content().string("preview 1"));
		this.mvc.perform(get("/events/2/preview").with(anonymous())).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/events/2/preview")).andExpect(status().isUnauthorized());
		assertThat(this.sideEffects.ran()).containsExactly("preview 1");
	}

	@Test
	void leaveIfSeesANullSubjectForAnAnonymousCaller() throws Exception {
		this.mvc.perform(get("/open/2")).andExpect(status().isOk());
		this.mvc.perform(get("/open/2").with(user("mallory"))).andExpect(status().isForbidden());
		assertThat(this.sideEffects.ran()).containsExactly("open 2");
	}

	@Test
	void anonymousCallerLearnsNothingAboutExistenceFromALeaveIfRule() throws Exception {
		this.data.reset();
		this.mvc.perform(get("/cards/10/peek")).andExpect(status().isOk());
		// a missing card and another board's card answer the same to somebody not signed
		// in
		this.mvc.perform(get("/cards/99/peek")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/cards/20/peek")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/cards/99/peek").with(user("bob"))).andExpect(status().isNotFound());
		assertThat(this.sideEffects.ran()).containsExactly("peek");
	}

	@Test
	void conditionsSeeArgumentsByNameAndRequestParametersAsVariables() throws Exception {
		this.mvc.perform(get("/events/1/notes").param("mode", "public"))
			.andExpect(status().isOk())
			.andExpect(content().string("notes 1 public"));
		this.mvc.perform(get("/events/2/notes").param("mode", "public")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/events/1/notes").param("mode", "public", "public")).andExpect(status().isBadRequest());
		assertThat(this.sideEffects.ran()).containsExactly("notes 1 public");
	}

	@Test
	void conditionsSeeUriVariablesAndMappingParametersAsVariables() throws Exception {
		this.evaluator.grant("bob", "event:read", "event", 13);
		this.mvc.perform(get("/events/1/feed").param("format", "json").with(user("bob"))).andExpect(status().isOk());
		this.mvc.perform(get("/events/1/feed").param("format", "raw").with(user("bob")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/events/13/feed").param("format", "json").with(user("bob")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.missingPermissions").isEmpty());
		assertThat(this.sideEffects.ran()).containsExactly("feed 1");
	}

}
