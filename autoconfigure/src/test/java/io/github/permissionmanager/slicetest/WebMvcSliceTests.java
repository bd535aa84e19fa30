package io.github.permissionmanager.slicetest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A {@code @WebMvcTest} of a fresh application enforces {@code @RequiresPermissions} as
 * production does: the slice has no grant store and no evaluator of the application's, so
 * every check is denied, never skipped.
 */
@WebMvcTest(TaskController.class)
class WebMvcSliceTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TaskController tasks;

	@BeforeEach
	void reset() {
		this.tasks.reset();
	}

	@Test
	@WithMockUser("dave")
	void updateWithoutAnyGrantInTheSliceThenForbidden() throws Exception {
		this.mvc.perform(patch("/projects/7/tasks/3"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.missingPermissions[0]").value("task:update"))
			.andExpect(jsonPath("$.resource.type").value("project"))
			.andExpect(jsonPath("$.resource.id").value("7"));
		assertThat(this.tasks.updates()).isZero();
	}

	@Test
	void updateWithoutAUserInTheSliceThenUnauthorized() throws Exception {
		this.mvc.perform(patch("/projects/7/tasks/3"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		assertThat(this.tasks.updates()).isZero();
	}

}
