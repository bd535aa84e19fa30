package io.github.permissionmanager.slicetest;

import io.github.permissionmanager.Decision;
import io.github.permissionmanager.PermissionEvaluator;
import io.github.permissionmanager.PermissionRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * In a {@code @WebMvcTest}, the checks ask the evaluator the test declares, with the
 * resource resolved from the request exactly as in production.
 */
@WebMvcTest(TaskController.class)
class WebMvcSliceEvaluatorTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TaskController tasks;

	@MockitoBean
	PermissionEvaluator evaluator;

	@BeforeEach
	void bobMayUpdateTheTasksOfProjectSeven() {
		this.tasks.reset();
		given(this.evaluator.evaluate(any())).willAnswer((invocation) -> {
			PermissionRequest request = invocation.getArgument(0);
			boolean allowed = request.subject().id().equals("bob") && request.permission().equals("task:update")
					&& request.resource() != null && request.resource().type().equals("project")
					&& "7".equals(request.resource().id());
			return allowed ? Decision.allow("test grant") : Decision.deny("no test grant");
		});
	}

	@Test
	@WithMockUser("bob")
	void updateOnTheGrantedProjectThenRuns() throws Exception {
		this.mvc.perform(patch("/projects/7/tasks/3"))
			.andExpect(status().isOk())
			.andExpect(content().string("task 3 of project 7 updated"));
		assertThat(this.tasks.updates()).isOne();
	}

	@Test
	@WithMockUser("bob")
	void updateOnAnotherProjectThenForbidden() throws Exception {
		this.mvc.perform(patch("/projects/8/tasks/3")).andExpect(status().isForbidden());
		assertThat(this.tasks.updates()).isZero();
	}

}
