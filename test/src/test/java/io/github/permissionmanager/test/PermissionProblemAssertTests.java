package io.github.permissionmanager.test;

import io.github.permissionmanager.test.readme.TaskApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static io.github.permissionmanager.test.PermissionAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The assertions fail with a message that says what was answered instead.
 */
@SpringBootTest(classes = TaskApplication.class)
@AutoConfigureMockMvc
class PermissionProblemAssertTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	@WithMockUser("bob")
	@WithPermissions(value = "task:update", type = "project", id = "7")
	void allowedCallIsNotADenial() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(rename(7)).isDeniedFor("task:update"))
			.withMessageContaining("Expected PATCH /projects/7/tasks/3 to answer 403, but it answered 200");
	}

	@Test
	@WithMockUser("bob")
	void denialOfAnotherPermissionOrResourceFails() {
		assertThat(rename(7)).isDeniedFor("task:update").on("project", "7");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(rename(7)).isDeniedFor("task:delete"))
			.withMessageContaining("missing permissions of the denial of PATCH /projects/7/tasks/3");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(rename(7)).isDeniedFor("task:update").on("project", 8))
			.withMessageContaining("resource id of PATCH /projects/7/tasks/3");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(rename(7)).isAllowed())
			.withMessageContaining("Expected PATCH /projects/7/tasks/3 to be allowed, but it answered 403");
	}

	@Test
	@WithMockUser("bob")
	void forbiddenBySpringSecurityIsNotADenialOfPermissionManager() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(this.mvc.patch().uri("/projects/7/tasks/3").param("title", "No token"))
				.isDeniedFor("task:update"))
			.withMessageContaining("a 403 without a problem body comes from Spring Security: a missing CSRF token");
	}

	private MockMvcTester.MockMvcRequestBuilder rename(long project) {
		return this.mvc.patch().uri("/projects/{project}/tasks/3", project).param("title", "New").with(csrf());
	}

}
