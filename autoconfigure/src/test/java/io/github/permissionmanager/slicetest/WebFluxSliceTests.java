package io.github.permissionmanager.slicetest;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @WebFluxTest} of a fresh application enforces {@code @RequiresPermissions} on
 * reactive handlers: with no grant store and no evaluator in the slice, every check is
 * denied, never skipped.
 */
@WebFluxTest(ReactiveTaskController.class)
class WebFluxSliceTests {

	@Autowired
	WebTestClient client;

	@Autowired
	ReactiveTaskController tasks;

	@Test
	@WithMockUser("dave")
	void updateWithoutAnyGrantInTheSliceThenForbidden() {
		this.client.patch()
			.uri("/reactive/projects/7/tasks/3")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.missingPermissions[0]")
			.isEqualTo("task:update");
		assertThat(this.tasks.updates()).isZero();
	}

	@Test
	void updateWithoutAUserInTheSliceThenUnauthorized() {
		this.client.patch().uri("/reactive/projects/7/tasks/3").exchange().expectStatus().isUnauthorized();
		assertThat(this.tasks.updates()).isZero();
	}

}
