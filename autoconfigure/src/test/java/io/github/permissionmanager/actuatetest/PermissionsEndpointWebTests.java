package io.github.permissionmanager.actuatetest;

import java.util.List;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionGrants;
import io.github.permissionmanager.observation.ObservedPermissionEvaluator;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /actuator/permissions} over HTTP: the guarded methods with their resolved rules,
 * the roles expanded and the catalog; one decision explained for a user who has the
 * permission and one who lacks it; bad parameters are 400s, never 500s; and the endpoint
 * answers only whom the application's security lets in. With Boot's Micrometer
 * auto-configuration, decisions are timed and the grant cache has its meters.
 */
@SpringBootTest(classes = ActuatorTestApplication.class)
@AutoConfigureMockMvc
@TestPropertySource(locations = "classpath:actuatetest/actuator.properties")
class PermissionsEndpointWebTests {

	private static final List<Grantee> GRANTEES = List.of(Grantee.user("ops"), Grantee.user("bob"),
			Grantee.user("carol"));

	@Autowired
	MockMvc mvc;

	@Autowired
	PermissionGrants grants;

	@Autowired
	MeterRegistry meters;

	@BeforeEach
	void grantOps() {
		this.grants.grant(Grant.of(Grantee.user("ops"), "actuator:read"));
	}

	@AfterEach
	void revoke() {
		for (Grantee grantee : GRANTEES) {
			this.grants.revokeAll(this.grants.permissionsOf(grantee));
		}
	}

	@Test
	void listsEveryGuardedMethodWithItsResolvedRule() throws Exception {
		String update = "$.guarded[?(@.method == 'update(long)')]";
		this.mvc.perform(ops(get("/actuator/permissions")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.guarded", hasSize(4)))
			.andExpect(jsonPath(update + ".className")
				.value(contains(ActuatorTestApplication.EventController.class.getName())))
			.andExpect(jsonPath(update + ".permissions[*]").value(contains("event:update", "event:admin")))
			.andExpect(jsonPath(update + ".logical").value(contains("ANY")))
			.andExpect(jsonPath(update + ".httpMethods[*]").value(contains("PATCH")))
			.andExpect(jsonPath(update + ".check").value(contains("#eventId > 0")))
			.andExpect(jsonPath(update + ".resource.keys[0].key").value(contains("eventId")))
			.andExpect(jsonPath(update + ".resource.keys[0].resourceType").value(contains("event")))
			.andExpect(jsonPath(update + ".resource.keys[0].sources[*]").value(contains("argument 'eventId'")))
			.andExpect(jsonPath("$.guarded[?(@.method == 'export()')].permissions[*]").value(contains("report:export")))
			.andExpect(
					jsonPath("$.guarded[?(@.method == 'export()')].optional[*]").value(contains("report:export-all")))
			.andExpect(jsonPath("$.guarded[?(@.method == 'export()')].resource").value(hasItem((Object) null)));
	}

	@Test
	void listsTheModelLookupAndItsQuery() throws Exception {
		String ticket = "$.guarded[?(@.className == '" + ActuatorTestApplication.TicketController.class.getName()
				+ "')].resource";
		this.mvc.perform(ops(get("/actuator/permissions")))
			.andExpect(status().isOk())
			.andExpect(jsonPath(ticket + ".keys[0].key").value(contains("event_id")))
			.andExpect(jsonPath(ticket + ".keys[0].sources[*]").value(contains("uri-variable")))
			.andExpect(jsonPath(ticket + ".lookups[0].model").value(contains("Ticket")))
			.andExpect(jsonPath(ticket + ".lookups[0].attribute").value(contains("eventId")))
			.andExpect(jsonPath(ticket + ".lookups[0].keyAttribute").value(contains("id")))
			.andExpect(jsonPath(ticket + ".lookups[0].lookupKey").value(contains("ticketId")))
			.andExpect(jsonPath(ticket + ".lookups[0].query").value(contains(containsString("Ticket"))));
	}

	@Test
	void listsTheRolesExpandedAndTheCatalog() throws Exception {
		this.mvc.perform(ops(get("/actuator/permissions")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.roles.organizer.includes").value(contains("viewer")))
			.andExpect(jsonPath("$.roles.organizer.permissions").value(hasItem("event:update")))
			.andExpect(jsonPath("$.roles.viewer.permissions").value(contains("event:read")))
			.andExpect(jsonPath("$.catalog['event:update'].description").value("Change an event"))
			.andExpect(jsonPath("$.catalog['event:update'].resolutionSteps").value(contains("Ask the organizer")));
	}

	@Test
	void explainsAnAllowForAUserWhoHasThePermission() throws Exception {
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:update").on("event", 7));
		this.mvc
			.perform(ops(get("/actuator/permissions/explain").param("user", "bob")
				.param("permission", "event:update")
				.param("type", "event")
				.param("id", "7")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.allowed").value(true))
			.andExpect(jsonPath("$.user").value("bob"))
			.andExpect(jsonPath("$.resource.id").value("7"))
			.andExpect(jsonPath("$.grant.grantee.name").value("bob"))
			.andExpect(jsonPath("$.missingPermissions").isEmpty());
	}

	@Test
	void explainsADenialForAUserWhoLacksThePermission() throws Exception {
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:update").on("event", 7));
		this.mvc
			.perform(ops(get("/actuator/permissions/explain").param("user", "carol")
				.param("permission", "event:update")
				.param("type", "event")
				.param("id", "7")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.allowed").value(false))
			.andExpect(jsonPath("$.grant").isEmpty())
			.andExpect(jsonPath("$.missingPermissions").value(contains("event:update")));
		// bob's grant is on event 7, not 8
		this.mvc
			.perform(ops(get("/actuator/permissions/explain").param("user", "bob")
				.param("permission", "event:update")
				.param("type", "event")
				.param("id", "8")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.allowed").value(false));
	}

	@Test
	void badParametersAre400ProblemsNamingTheParameterNever500s() throws Exception {
		// no permission
		badParameter(get("/actuator/permissions/explain").param("user", "bob"), "permission",
				"'permission' is required");
		// no user
		badParameter(get("/actuator/permissions/explain").param("permission", "event:read"), "user",
				"'user' is required");
		badParameter(get("/actuator/permissions/explain").param("user", " ").param("permission", "event:read"), "user",
				"'user' cannot be blank");
		badParameter(get("/actuator/permissions/explain").param("user", "bob").param("permission", "event::"),
				"permission", "'permission' is not a permission: ");
		badParameter(get("/actuator/permissions/explain").param("user", "bob")
			.param("permission", "event:read")
			.param("id", "7"), "id", "'id' needs a 'type'");
		badParameter(get("/actuator/permissions/explain").param("user", "bob")
			.param("permission", "event:read")
			.param("type", "event")
			.param("tenant", ""), "tenant", "'tenant' cannot be blank");
		this.mvc.perform(ops(get("/actuator/permissions/nonsense").param("user", "bob").param("permission", "a")))
			.andExpect(status().isNotFound());
	}

	private void badParameter(MockHttpServletRequestBuilder request, String parameter, String detail) throws Exception {
		this.mvc.perform(ops(request))
			.andExpect(status().isBadRequest())
			.andExpect(MockMvcResultMatchers.content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.title").value("Bad Request"))
			.andExpect(jsonPath("$.parameter").value(parameter))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith(detail)))
			.andExpect(jsonPath("$.instance").value("/actuator/permissions/explain"));
	}

	@Test
	void answersOnlyWhomTheApplicationsSecurityLetsIn() throws Exception {
		this.mvc.perform(get("/actuator/permissions")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/actuator/permissions").with(httpBasic("bob", "bob"))).andExpect(status().isForbidden());
		this.mvc
			.perform(get("/actuator/permissions/explain").param("user", "bob")
				.param("permission", "event:read")
				.with(httpBasic("carol", "carol")))
			.andExpect(status().isForbidden());
	}

	@Test
	void healthShowsTheGrantCache() throws Exception {
		this.mvc.perform(ops(get("/actuator/health")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components.permissions.status").value("UP"))
			.andExpect(jsonPath("$.components.permissions.details.size").isNumber())
			.andExpect(content(containsString("\"enabled\":true")));
	}

	@Test
	void decisionsAreTimedThroughBootsObservationRegistry() throws Exception {
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:read").on("event", 7));
		this.mvc.perform(get("/events/7").with(httpBasic("bob", "bob"))).andExpect(status().isOk());
		this.mvc.perform(get("/events/8").with(httpBasic("bob", "bob"))).andExpect(status().isForbidden());
		assertThat(this.meters.get(ObservedPermissionEvaluator.NAME)
			.tag("outcome", "allow")
			.tag("permission", "event:read")
			.timer()
			.count()).isPositive();
		assertThat(this.meters.get(ObservedPermissionEvaluator.NAME)
			.tag("outcome", "deny")
			.tag("permission", "event:read")
			.timer()
			.count()).isPositive();
		assertThat(this.meters.find("cache.gets").tag("cache", "permission-manager.grants").meters()).isNotEmpty();
	}

	private static MockHttpServletRequestBuilder ops(MockHttpServletRequestBuilder request) {
		return request.with(httpBasic("ops", "ops"));
	}

	private static org.springframework.test.web.servlet.ResultMatcher content(
			org.hamcrest.Matcher<? super String> matcher) {
		return org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(matcher);
	}

}
