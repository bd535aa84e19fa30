package io.github.permissionmanager.slicetest;

import javax.sql.DataSource;

import io.github.permissionmanager.Decision;
import io.github.permissionmanager.PermissionEvaluator;
import io.github.permissionmanager.PermissionRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.AutoConfigureDataJpa;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A {@code @WebMvcTest} of a handler whose rule looks its resource up through
 * {@code model}: with {@code @AutoConfigureDataJpa}, as the startup failure without it
 * says, the lookup runs in the slice as in production.
 */
@WebMvcTest(TaskLookupController.class)
@AutoConfigureDataJpa
class WebMvcSliceModelTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TaskLookupController tasks;

	@Autowired
	DataSource dataSource;

	@MockitoBean
	PermissionEvaluator evaluator;

	@BeforeEach
	void taskThreeBelongsToProjectSevenWhereBobMayDelete() {
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		jdbc.update("delete from task");
		jdbc.update("insert into task (id, project_id) values (3, 7), (4, 8)");
		given(this.evaluator.evaluate(any())).willAnswer((invocation) -> {
			PermissionRequest request = invocation.getArgument(0);
			boolean allowed = request.subject().id().equals("bob") && request.resource() != null
					&& request.resource().type().equals("project") && "7".equals(request.resource().id());
			return allowed ? Decision.allow("test grant") : Decision.deny("no test grant");
		});
	}

	@Test
	@WithMockUser("bob")
	void deleteOfATaskOfTheGrantedProjectThenRuns() throws Exception {
		this.mvc.perform(delete("/tasks/3")).andExpect(status().isOk());
		assertThat(this.tasks.deletions()).isOne();
	}

	@Test
	@WithMockUser("bob")
	void deleteOfATaskOfAnotherProjectThenForbiddenNamingThatProject() throws Exception {
		int before = this.tasks.deletions();
		this.mvc.perform(delete("/tasks/4"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.resource.id").value("8"));
		this.mvc.perform(delete("/tasks/99")).andExpect(status().isNotFound());
		assertThat(this.tasks.deletions()).isEqualTo(before);
	}

}
