package io.github.permissionmanager.sample.console;

import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionGrants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code permission-manager.console.login-form=false}: the console's filter chain backs
 * off and the application's own (the sample's stateless HTTP Basic, CSRF protection off)
 * handles the console's path. The pages still need the console's permission, and no
 * change is made without CSRF protection, whatever the chain.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:console-no-form;DB_CLOSE_DELAY=-1",
		"permission-manager.console.login-form=false" })
@AutoConfigureMockMvc
class ConsoleWithoutLoginFormTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private PermissionGrants grants;

	@Autowired
	private ApplicationContext context;

	@Test
	void consolesFilterChainBacksOff() {
		assertThat(this.context.containsBean("permissionConsoleSecurityFilterChain")).isFalse();
	}

	@Test
	void pagesNeedTheConsolePermissionThroughTheApplicationsChain() throws Exception {
		this.mvc.perform(get("/permissions-console/grantees").with(httpBasic("admin", "admin")))
			.andExpect(status().isOk());
		this.mvc.perform(get("/permissions-console/grantees").with(httpBasic("bob", "bob")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/permissions-console/grantees")).andExpect(status().isUnauthorized());
	}

	@Test
	void changeThroughAChainWithoutCsrfProtectionIsRefused() throws Exception {
		this.mvc
			.perform(post("/permissions-console/grants").with(httpBasic("admin", "admin"))
				.param("kind", "user")
				.param("name", "dave")
				.param("permission", "coorganizer")
				.param("resourceType", "event")
				.param("resourceId", "2"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/permissions-console/grants/revoke").with(httpBasic("admin", "admin"))
				.param("kind", "user")
				.param("name", "bob")
				.param("permission", "coorganizer")
				.param("resourceType", "event")
				.param("resourceId", "1"))
			.andExpect(status().isForbidden());
		assertThat(this.grants.permissionsOf(Grantee.user("dave"))).isEmpty();
		assertThat(this.grants.permissionsOf(Grantee.user("bob"))).isNotEmpty();
	}

}
