package io.github.permissionmanager.sample.console;

import io.github.permissionmanager.PermissionEvaluationException;
import io.github.permissionmanager.PermissionEvaluator;
import io.github.permissionmanager.store.AuditLog;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A console page whose own permission check cannot be completed (the evaluator fails
 * while deciding {@code permissions:admin}) is not shown: a browser gets the 503 page
 * that says to try again, an API client the 503 problem, neither the exception's text,
 * and the page's store read never runs.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:console-check-failure;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
class ConsoleCheckFailureTests {

	private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private PermissionEvaluator evaluator;

	@MockitoBean
	private AuditLog audit;

	@Test
	void aBrowserWhoseCheckFailsIsShownTheUnavailablePageAndThePageDoesNotRun() throws Exception {
		given(this.evaluator.evaluate(any())).willThrow(new PermissionEvaluationException("store down: db-7"));
		this.mvc.perform(get("/permissions-console/audit").header(HttpHeaders.ACCEPT, BROWSER).with(user("admin")))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("The grant store cannot be read")))
			.andExpect(content().string(containsString("Please try again in a moment.")))
			.andExpect(content().string(not(containsString("db-7"))));
		then(this.audit).shouldHaveNoInteractions();
	}

	@Test
	void anApiClientWhoseCheckFailsGetsTheProblemAndThePageDoesNotRun() throws Exception {
		given(this.evaluator.evaluate(any())).willThrow(new PermissionEvaluationException("store down: db-7"));
		this.mvc.perform(get("/permissions-console/audit").accept(MediaType.APPLICATION_JSON).with(user("admin")))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(503))
			.andExpect(content().string(not(containsString("db-7"))));
		then(this.audit).shouldHaveNoInteractions();
	}

}
