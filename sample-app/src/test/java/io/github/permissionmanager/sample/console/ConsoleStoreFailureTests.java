package io.github.permissionmanager.sample.console;

import io.github.permissionmanager.store.AuditLog;
import io.github.permissionmanager.store.GranteeDirectory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A console page whose store read fails answers 503 with a page that says to try again:
 * never a 500, never the exception's text.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:console-store-failure;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
class ConsoleStoreFailureTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private AuditLog audit;

	@MockitoBean
	private GranteeDirectory directory;

	@Test
	void auditWhenTheStoreFailsThenServiceUnavailable() throws Exception {
		given(this.audit.page(any())).willThrow(new DataAccessResourceFailureException("connection refused: db-7"));
		this.mvc.perform(get("/permissions-console/audit").with(user("admin")))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().string(containsString("The grant store cannot be read")))
			.andExpect(content().string(not(containsString("db-7"))));
	}

	@Test
	void searchWhenTheStoreFailsThenServiceUnavailable() throws Exception {
		given(this.directory.search(anyString(), anyInt()))
			.willThrow(new DataAccessResourceFailureException("connection refused: db-7"));
		this.mvc.perform(get("/permissions-console/grantees?q=a").with(user("admin")))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().string(not(containsString("db-7"))));
	}

	@Test
	void auditWhenTheStoreFailsAndTheCallerIsNotAdminThenForbidden() throws Exception {
		given(this.audit.page(any())).willThrow(new DataAccessResourceFailureException("connection refused"));
		this.mvc.perform(get("/permissions-console/audit").with(user("bob"))).andExpect(status().isForbidden());
	}

}
