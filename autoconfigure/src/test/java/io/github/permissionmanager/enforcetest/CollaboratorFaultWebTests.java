package io.github.permissionmanager.enforcetest;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;

/**
 * Pushes exceptions of every kind — runtime, checked (undeclared), errors, Spring
 * Security's own — through every collaborator of the enforcement path, past an
 * application {@code @ControllerAdvice} that turns anything it sees into a 500: never a
 * 500, never a 2xx, never the method body, never a class name in the body.
 */
@EnforceWebTest
@Import(FaultyCollaborators.class)
class CollaboratorFaultWebTests extends AbstractEnforceWebTests {

	private static final long SEED = 20261201L;

	@Autowired
	Faults faults;

	@BeforeEach
	void setUp() {
		this.faults.reset();
		for (long event : new long[] { 1, 7 }) {
			this.evaluator.grant("bob", "event:read", "event", event);
		}
		this.evaluator.grant("bob", "session:update", "event", 1);
	}

	@Test
	void everyCollaboratorFailingAnyWayNeverAnswers500NorRunsTheMethod() throws Exception {
		Map<String, List<MockHttpServletRequestBuilder>> calls = Map.of("subject",
				List.of(get("/events/1"), get("/events/1/preview")), "evaluator",
				List.of(get("/events/1"), get("/events/1/dashboard")), "tenant", List.of(get("/tenants/acme/events/7")),
				"model", List.of(patch("/sessions/10").content("x"), patch("/boards/1/cards/10/label").content("x")),
				"spel", List.of(get("/events/1/probed")), "problems",
				List.of(get("/events/2"), get("/events/2/probed")));
		for (String collaborator : calls.keySet()) {
			for (MockHttpServletRequestBuilder call : calls.get(collaborator)) {
				this.faults.reset();
				assertThat(this.mvc.perform(call.with(user("bob"))).andReturn().getResponse().getStatus())
					.as("%s without a fault", collaborator)
					.isIn(200, 403);
			}
		}
		this.sideEffects.reset();
		Random random = new Random(SEED);
		List<String> seen = new ArrayList<>();
		for (int round = 0; round < 4; round++) {
			for (String collaborator : calls.keySet()) {
				for (MockHttpServletRequestBuilder call : calls.get(collaborator)) {
					Throwable failure = failure(random);
					this.faults.fail(collaborator, failure);
					MockHttpServletResponse response = this.mvc.perform(call.with(user("bob")))
						.andReturn()
						.getResponse();
					String what = collaborator + " throwing " + failure.getClass().getSimpleName();
					seen.add(what + " -> " + response.getStatus());
					assertThat(response.getStatus()).as(what).isIn(403, 503);
					assertThat(response.getContentType()).as(what).startsWith("application/problem+json");
					assertThat(response.getContentAsString()).as(what)
						.doesNotContain("Exception", "Error", "caughtBy", "secret");
				}
			}
		}
		assertThat(this.sideEffects.ran()).as("bodies that ran, after %s", seen).isEmpty();
	}

	private static Throwable failure(Random random) {
		return switch (random.nextInt(10)) {
			case 0 -> new IllegalStateException("secret state");
			case 1 -> new NullPointerException("secret null");
			case 2 -> new ClassCastException("secret cast");
			case 3 -> new IOException("secret io");
			case 4 -> new SQLException("secret sql");
			case 5 -> new Exception("secret checked");
			case 6 -> new StackOverflowError("secret overflow");
			case 7 -> new AssertionError("secret assertion");
			case 8 -> new AccessDeniedException("secret denied");
			default -> new BadCredentialsException("secret credentials");
		};
	}

}
