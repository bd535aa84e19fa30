package io.github.permissionmanager.sample.console;

import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionGrants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console's answers to input it cannot use: the form comes back with a 400 and the
 * message beside the field at fault (the field {@code InvalidGrantException} names, when
 * the store refuses), or a 400 page; nothing is written. Same application as
 * {@link ConsoleSecurityTests}, so the context is shared.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:console-security;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
class ConsoleFormTests {

	private static final String CONSOLE = "/permissions-console";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private PermissionGrants grants;

	@AfterEach
	void forgetTestGrants() {
		this.grants.revokeAll(this.grants.permissionsOf(Grantee.user("dave")));
	}

	@Test
	void grantWhenPermissionDoesNotParseThenBadRequestNamingTheField() throws Exception {
		this.mvc
			.perform(post(CONSOLE + "/grants").with(user("admin"))
				.with(csrf())
				.param("kind", "user")
				.param("name", "dave")
				.param("permission", "event::update"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"permission-error\"")));
		assertThat(this.grants.permissionsOf(Grantee.user("dave"))).isEmpty();
	}

	@Test
	void grantWhenIdWithoutTypeThenBadRequestNamingTheField() throws Exception {
		this.mvc
			.perform(post(CONSOLE + "/grants").with(user("admin"))
				.with(csrf())
				.param("kind", "user")
				.param("name", "dave")
				.param("permission", "event:update")
				.param("resourceId", "2"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"resourceId-error\"")));
		assertThat(this.grants.permissionsOf(Grantee.user("dave"))).isEmpty();
	}

	@Test
	void auditWhenDayIsNotADateThenBadRequestNamingTheField() throws Exception {
		this.mvc.perform(get(CONSOLE + "/audit?from=yesterday").with(user("admin")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"from-error\"")));
		this.mvc.perform(get(CONSOLE + "/audit?until=+999999999-12-31").with(user("admin")))
			.andExpect(status().isBadRequest());
	}

	@Test
	void granteeWhenNameIsEmptyThenBadRequest() throws Exception {
		this.mvc.perform(get(CONSOLE + "/grantee?kind=user&name=").with(user("admin")))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get(CONSOLE + "/grantee?kind=robot&name=x").with(user("admin")))
			.andExpect(status().isBadRequest());
	}

	@Test
	void grantWhenTheStoreRefusesTheNameThenBadRequestNamingTheField() throws Exception {
		this.mvc
			.perform(post(CONSOLE + "/grants").with(user("admin"))
				.with(csrf())
				.param("kind", "user")
				.param("name", "dave" + "x".repeat(300))
				.param("permission", "event:update"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"grantee-error\"")));
		assertThat(this.grants.permissionsOf(Grantee.user("dave" + "x".repeat(300)))).isEmpty();
	}

	@Test
	void whoCanWhenPermissionDoesNotParseThenBadRequest() throws Exception {
		this.mvc.perform(get(CONSOLE + "/resources?asked=true&permission=event::update").with(user("admin")))
			.andExpect(status().isBadRequest());
	}

	@Test
	void auditWhenPageMarkerIsNotANumberThenBadRequest() throws Exception {
		this.mvc.perform(get(CONSOLE + "/audit?before=newest").with(user("admin"))).andExpect(status().isBadRequest());
	}

	@Test
	void grantWhenConditionDoesNotParseThenBadRequestNamingTheField() throws Exception {
		this.mvc
			.perform(post(CONSOLE + "/grants").with(user("admin"))
				.with(csrf())
				.param("kind", "user")
				.param("name", "dave")
				.param("permission", "event:read")
				.param("condition", "T(java.lang.Runtime).getRuntime()"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"condition-error\"")));
		assertThat(this.grants.permissionsOf(Grantee.user("dave"))).isEmpty();
	}

}
