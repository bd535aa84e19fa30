package io.github.permissionmanager.sample.console;

import java.util.List;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionGrants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console's guard: every page and every action needs {@code permissions:admin} (users
 * signed in without it are refused, a forged form with a valid CSRF token included),
 * every change needs the CSRF token, and what users typed is shown as text.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:console-security;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
class ConsoleSecurityTests {

	private static final String CONSOLE = "/permissions-console";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private PermissionGrants grants;

	@AfterEach
	void forgetTestGrants() {
		this.grants.revokeAll(this.grants.permissionsOf(Grantee.user("dave")));
		this.grants.revokeAll(this.grants.permissionsOf(Grantee.user("<script>alert('name')</script>")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "/grantees", "/grantees?q=bo", "/grantee?kind=user&name=bob",
			"/grantee?kind=group&name=staff", "/resources",
			"/resources?asked=true&permission=event:update&type=event&id=1", "/explain",
			"/explain?user=bob&permission=event:update&type=event&id=1", "/audit", "/audit?grantee=bob",
			"/audit?before=1000", "/rules" })
	void pageWhenSignedInWithoutTheConsolePermissionThenForbidden(String page) throws Exception {
		this.mvc.perform(get(CONSOLE + page).with(user("bob"))).andExpect(status().isForbidden());
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "/grantees", "/explain?user=bob&permission=event:update&type=event&id=1", "/audit", "/rules" })
	void pageWhenABrowserIsSignedInWithoutTheConsolePermissionThenForbiddenPage(String page) throws Exception {
		String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
		this.mvc.perform(get(CONSOLE + page).with(user("bob")).header("Accept", browser))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("You may not use the permissions console")))
			.andExpect(content().string(not(containsString("\"status\""))));
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/json", "application/problem+json", "*/*", "application/json, text/html;q=0.5",
			"text/html;q=0" })
	void pageWhenAnApiClientIsSignedInWithoutTheConsolePermissionThenForbiddenProblem(String accept) throws Exception {
		this.mvc.perform(get(CONSOLE + "/grantees").with(user("bob")).header("Accept", accept))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(403));
		this.mvc.perform(get(CONSOLE + "/grantees").with(user("bob")))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/grantees", "/resources", "/explain", "/audit", "/rules" })
	void pageWhenSignedOutThenSignInForm(String page) throws Exception {
		this.mvc.perform(get(CONSOLE + page))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl(CONSOLE + "/login"));
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "", "/grantees", "/grantee?kind=user&name=bob", "/resources", "/explain", "/audit", "/rules" })
	void pageWhenAdminThenShown(String page) throws Exception {
		this.mvc.perform(get(CONSOLE + page).with(user("admin")))
			.andExpect((result) -> assertThat(result.getResponse().getStatus()).isIn(200, 302))
			.andExpect(header().string("Content-Security-Policy",
					org.hamcrest.Matchers.containsString("default-src 'none'")));
	}

	@Test
	void forgedGrantWithValidCsrfTokenWhenNotAdminThenForbiddenAndNothingGranted() throws Exception {
		this.mvc.perform(grantDaveCoorganizer().with(user("bob")).with(csrf())).andExpect(status().isForbidden());
		assertThat(this.grants.permissionsOf(Grantee.user("dave"))).isEmpty();
	}

	@Test
	void forgedRevokeWithValidCsrfTokenWhenNotAdminThenForbiddenAndNothingRevoked() throws Exception {
		List<Grant> before = this.grants.permissionsOf(Grantee.user("bob"));
		this.mvc
			.perform(post(CONSOLE + "/grants/revoke").with(user("bob"))
				.with(csrf())
				.param("kind", "user")
				.param("name", "bob")
				.param("permission", "coorganizer")
				.param("resourceType", "event")
				.param("resourceId", "1"))
			.andExpect(status().isForbidden());
		assertThat(this.grants.permissionsOf(Grantee.user("bob"))).isEqualTo(before).isNotEmpty();
	}

	@Test
	void grantWithoutCsrfTokenWhenAdminThenForbiddenAndNothingGranted() throws Exception {
		this.mvc.perform(grantDaveCoorganizer().with(user("admin"))).andExpect(status().isForbidden());
		this.mvc.perform(grantDaveCoorganizer().with(user("admin")).with(csrf().useInvalidToken()))
			.andExpect(status().isForbidden());
		assertThat(this.grants.permissionsOf(Grantee.user("dave"))).isEmpty();
	}

	@Test
	void grantWhenAdminThenGrantedAndShownOnTheGranteePage() throws Exception {
		this.mvc.perform(grantDaveCoorganizer().with(user("admin")).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl(CONSOLE + "/grantee?kind=user&name=dave"));
		assertThat(this.grants.permissionsOf(Grantee.user("dave")))
			.containsExactly(Grant.of(Grantee.user("dave"), "coorganizer").on("event", 2));
		this.mvc.perform(get(CONSOLE + "/grantee?kind=user&name=dave").with(user("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("event:2")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("session:*")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"_csrf\"")));
	}

	@Test
	void markupInAUserNameOrPermissionIsShownAsText() throws Exception {
		String name = "<script>alert('name')</script>";
		String permission = "x:<img/src=x/onerror=alert(1)>";
		this.grants.grant(Grant.of(Grantee.user(name), permission).on("event", "<b>2</b>"));
		for (String page : List.of("/grantees?q=script", "/grantee?kind=user&name={name}", "/audit",
				"/resources?asked=true&permission={permission}", "/explain?user={name}&permission={permission}")) {
			String html = this.mvc.perform(get(CONSOLE + page, name, permission).with(user("admin")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(html).as(page).doesNotContain("<script>alert").doesNotContain("<img/src").doesNotContain("<b>2");
		}
		String html = this.mvc.perform(get(CONSOLE + "/grantee?kind=user&name={name}", name).with(user("admin")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;")
			.contains("x:&lt;img/src=x/onerror=alert(1)&gt;");
	}

	@Test
	void pageWhenTheConsolePermissionIsHeldOnlyOnOneResourceThenForbidden() throws Exception {
		// the console's permission counts only unscoped: permissions:admin on event 2 is
		// not permission to administer every grant
		this.grants.grant(Grant.of(Grantee.user("dave"), "permissions:admin").on("event", 2));
		this.mvc.perform(get(CONSOLE + "/grantees").with(user("dave"))).andExpect(status().isForbidden());
		this.mvc.perform(grantDaveCoorganizer().with(user("dave")).with(csrf())).andExpect(status().isForbidden());
		assertThat(this.grants.permissionsOf(Grantee.user("dave")))
			.containsExactly(Grant.of(Grantee.user("dave"), "permissions:admin").on("event", 2));
	}

	@Test
	void signOutWhenAskedWithGetThenNothingHappens() throws Exception {
		// signing out changes state: a POST with the CSRF token, never a link another
		// site
		// could make a browser follow
		this.mvc.perform(get(CONSOLE + "/logout").with(user("admin")))
			.andExpect((result) -> assertThat(result.getResponse().getStatus()).isNotEqualTo(302));
	}

	@Test
	void conditionalGrantIsShownAndRevokedWithItsCondition() throws Exception {
		Grant conditional = Grant.of(Grantee.user("dave"), "event:read")
			.on("event", 2)
			.when("resource.attributes['status'] == 'draft'");
		this.grants.grant(conditional);
		this.mvc.perform(get(CONSOLE + "/grantee?kind=user&name=dave").with(user("admin")))
			.andExpect(content().string(org.hamcrest.Matchers
				.containsString("<code>resource.attributes[&#39;status&#39;] == &#39;draft&#39;</code>")));
		// the revoke form carries the condition, part of the grant's identity
		this.mvc
			.perform(post(CONSOLE + "/grants/revoke").with(user("admin"))
				.with(csrf())
				.param("kind", "user")
				.param("name", "dave")
				.param("permission", "event:read")
				.param("resourceType", "event")
				.param("resourceId", "2")
				.param("condition", conditional.condition()))
			.andExpect(status().isFound());
		assertThat(this.grants.permissionsOf(Grantee.user("dave"))).isEmpty();
	}

	@Test
	void consoleSessionDoesNotAuthenticateTheApplicationsApi() throws Exception {
		// the API takes no CSRF token (stateless HTTP Basic): a console session cookie
		// that
		// signed API calls in would let another site make an admin's browser grant
		MockHttpSession session = (MockHttpSession) this.mvc
			.perform(post(CONSOLE + "/login").with(csrf()).param("username", "admin").param("password", "admin"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl(CONSOLE + "/grantees"))
			.andReturn()
			.getRequest()
			.getSession();
		this.mvc.perform(get(CONSOLE + "/grantees").session(session)).andExpect(status().isOk());
		this.mvc
			.perform(post("/admin/grants").session(session)
				.contentType("application/json")
				.content("{\"user\": \"dave\", \"permission\": \"coorganizer\", \"type\": \"event\", \"id\": \"2\"}"))
			.andExpect(status().isUnauthorized());
		assertThat(this.grants.permissionsOf(Grantee.user("dave"))).isEmpty();
	}

	@Test
	void signInWhenPasswordIsWrongThenBackToTheFormWithoutASession() throws Exception {
		this.mvc.perform(post(CONSOLE + "/login").with(csrf()).param("username", "admin").param("password", "bob"))
			.andExpect(redirectedUrl(CONSOLE + "/login?error"));
		this.mvc.perform(post(CONSOLE + "/login").param("username", "admin").param("password", "admin"))
			.andExpect(status().isForbidden());
	}

	private static MockHttpServletRequestBuilder grantDaveCoorganizer() {
		return post(CONSOLE + "/grants").param("kind", "user")
			.param("name", "dave")
			.param("permission", "coorganizer")
			.param("resourceType", "event")
			.param("resourceId", "2");
	}

}
