package io.github.permissionmanager.test.readme;

import io.github.permissionmanager.test.WithPermissions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static io.github.permissionmanager.test.PermissionAssertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@WebMvcTest(TaskController.class)
class TaskControllerTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	@WithMockUser("bob")
	@WithPermissions(value = "task:update", type = "project", id = "7")
	void renameOnTheGrantedProjectThenRenamed() {
		assertThat(this.mvc.patch().uri("/projects/7/tasks/3").param("title", "Ship it").with(csrf())).isAllowed();
	}

	@Test
	@WithMockUser("bob")
	@WithPermissions(value = "task:update", type = "project", id = "7")
	void renameOnAnotherProjectThenDenied() {
		assertThat(this.mvc.patch().uri("/projects/8/tasks/3").param("title", "Mine now").with(csrf()))
			.isDeniedFor("task:update")
			.on("project", 8);
	}

	@Test
	@WithMockUser("bob")
	void renameWithoutAnyGrantThenDenied() {
		assertThat(this.mvc.patch().uri("/projects/7/tasks/3").param("title", "Ship it").with(csrf()))
			.isDeniedFor("task:update")
			.on("project", 7);
	}

	@Test
	void renameWithoutAUserThenUnauthorized() {
		assertThat(this.mvc.patch().uri("/projects/7/tasks/3").param("title", "Ship it").with(csrf())).isUnauthorized();
	}

}
