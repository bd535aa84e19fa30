package io.github.permissionmanager.pdptest;

import java.util.ArrayList;
import java.util.List;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionGrants;
import io.github.permissionmanager.PermissionManager;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.decide.GrantSnapshotCache;
import io.github.permissionmanager.store.CountingDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The decision point's endpoints through its own filter chain: answers as the store
 * decides, callers authenticated by API key and authorized by {@code pdp:check}, no
 * explanation (no grant named) without {@code pdp:explain}, no listing of what a user can
 * reach without {@code pdp:list}, every bad request a 4xx problem naming the field, a
 * failing store a 503, and a bulk of 1,000 checks answered in order with one store read
 * per subject.
 */
@SpringBootTest(classes = PdpTestApplication.class)
@AutoConfigureMockMvc
@TestPropertySource(locations = "classpath:pdptest/pdp.properties")
class PdpServerTests {

	static final String BILLING = "billing-key-0123456789";

	static final String AUDITOR = "auditor-key-0123456789";

	static final String STRANGER = "stranger-key-0123456789";

	@Autowired
	MockMvc mvc;

	@Autowired
	PermissionGrants grants;

	@Autowired
	PermissionManager permissions;

	@Autowired
	CountingDataSource dataSource;

	@Autowired
	GrantSnapshotCache snapshots;

	private final JsonMapper json = JsonMapper.builder().build();

	private final List<Grant> granted = new ArrayList<>();

	@BeforeEach
	void callers() {
		grant(Grant.of(Grantee.user("billing"), "pdp:check"));
		grant(Grant.of(Grantee.user("auditor"), "pdp:check"));
		grant(Grant.of(Grantee.user("auditor"), "pdp:explain"));
	}

	@AfterEach
	void revoke() {
		this.grants.revokeAll(this.granted);
		this.granted.clear();
	}

	@Test
	void checkAnswersAsTheStoreDecidesAndNamesNoGrant() throws Exception {
		grant(Grant.of(Grantee.user("bob"), "coorganizer").on("event", 7));
		call("check", BILLING, check("bob", "event:read", "event", "7")).andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(content().json("{\"allowed\":true,\"reason\":\"allowed\",\"missing\":[]}", true));
		call("check", BILLING, check("bob", "event:read", "event", "8")).andExpect(status().isOk())
			.andExpect(content().json("{\"allowed\":false,\"reason\":\"denied\",\"missing\":[\"event:read\"]}", true));
		call("check", BILLING, """
				{"user":{"key":"bob"},"action":"event:read","resource":{"type":"event","key":7}}""")
			.andExpect(jsonPath("$.allowed").value(true));
		// unscoped: only grants on no resource type
		call("check", BILLING, "{\"user\":{\"key\":\"bob\"},\"action\":\"event:read\"}")
			.andExpect(jsonPath("$.allowed").value(false));
	}

	@Test
	void explanationsNeedPdpExplain() throws Exception {
		grant(Grant.of(Grantee.user("bob"), "coorganizer").on("event", 7));
		String explained = """
				{"user":{"key":"bob"},"action":"event:read","resource":{"type":"event","key":"7"},"explain":true}""";
		call("check", BILLING, explained).andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("pdp:explain")))
			.andExpect(
					content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("coorganizer"))));
		call("check", AUDITOR, explained).andExpect(status().isOk())
			.andExpect(jsonPath("$.allowed").value(true))
			.andExpect(jsonPath("$.grant.grantee.name").value("bob"))
			.andExpect(jsonPath("$.grant.permission").value("coorganizer"))
			.andExpect(jsonPath("$.grant.resourceKey").value("7"));
		call("check/bulk", BILLING, "{\"checks\":[" + explained + "]}").andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("checks[0].explain")));
		// explanations are asked check by check: the one that does not ask names no grant
		call("check/bulk", AUDITOR,
				"{\"checks\":[" + explained + "," + check("bob", "event:read", "event", "7") + ","
						+ check("bob", "event:read", "event", "8") + "]}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.results[0].grant.permission").value("coorganizer"))
			.andExpect(jsonPath("$.results[1].reason").value("allowed"))
			.andExpect(jsonPath("$.results[1].grant").doesNotExist())
			.andExpect(jsonPath("$.results[2].reason").value("denied"))
			.andExpect(jsonPath("$.results[2].grant").doesNotExist());
	}

	@Test
	void callersMustAuthenticateAndHoldPdpCheck() throws Exception {
		String body = check("bob", "event:read", "event", "7");
		this.mvc.perform(post("/pdp/v1/check").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			// only API keys are configured here: the 401 names them, and no bearer token
			.andExpect(header().string("WWW-Authenticate", "ApiKey header=\"X-Api-Key\""))
			.andExpect(
					jsonPath("$.detail").value("Authenticate as a service: send an API key in the X-Api-Key header."));
		call("check", "billing-key-0123456788", body).andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "ApiKey header=\"X-Api-Key\""))
			.andExpect(jsonPath("$.detail").value("The API key is not valid."));
		call("check", STRANGER, body).andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("pdp:check")));
		for (String path : List.of("check/bulk", "check/all-tenants", "user-permissions", "object-ids")) {
			call(path, STRANGER, "{}").andExpect(status().isForbidden());
		}
		this.mvc
			.perform(post("/pdp/v1/check").header("X-Api-Key", BILLING)
				.header("Authorization", "Bearer abc")
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail")
				.value("Send the API key alone: this decision point takes no Authorization header."));
		// a grant of pdp:check scoped to a resource is not pdp:check
		grant(Grant.of(Grantee.user("stranger"), "pdp:check").on("event", 7));
		call("check", STRANGER, body).andExpect(status().isForbidden());
	}

	@Test
	void theApplicationsOtherEndpointsKeepBootsDefaultSecurity() throws Exception {
		this.mvc.perform(get("/hello")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/hello").header("X-Api-Key", BILLING)).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/pdp/v1/openapi.yaml")).andExpect(status().isOk());
	}

	@Test
	void badInputIsAProblemNamingTheField() throws Exception {
		expectBadRequest("{\"user\":{\"key\":\"bob\"", "");
		expectBadRequest("{\"user\":{\"key\":\"bob\",\"nmae\":\"x\"},\"action\":\"a\"}", "user.nmae");
		expectBadRequest("{\"user\":{\"key\":\"bob\"},\"action\":\"a\",\"resource\":{\"type\":\"event\",\"id\":\"7\"}}",
				"resource.id");
		expectBadRequest("{\"user\":{\"key\":\"bob\"}}", "action");
		expectBadRequest("{\"action\":\"a\"}", "user");
		expectBadRequest("{\"user\":{\"key\":\"  \"},\"action\":\"a\"}", "user.key");
		expectBadRequest("{\"user\":{\"key\":true},\"action\":\"a\"}", "user.key");
		expectBadRequest("{\"user\":\"bob\",\"action\":\"a\"}", "user");
		expectBadRequest("{\"user\":{\"key\":\"bob\",\"key\":\"alice\"},\"action\":\"a\"}", "");
		expectBadRequest("{\"user\":{\"key\":\"bob\"},\"action\":\"a\"} {}", "");
		expectBadRequest("{\"user\":{\"key\":\"bob\"},\"action\":\"a\",\"explain\":\"yes\"}", "explain");
		expectBadRequest("{\"user\":{\"key\":\"bob\"},\"action\":\"a\",\"consistency\":\"soon\"}", "consistency");
		expectBadRequest("{\"user\":{\"key\":\"bob\",\"attributes\":{\"a\":null}},\"action\":\"a\"}",
				"user.attributes.a");
		expectBadRequest("[]", "");
		expectBadRequest("", "");
		expectBadRequest("{\"user\":{\"key\":\"bob\",\"attributes\":" + "{\"a\":".repeat(40) + "1" + "}".repeat(40)
				+ "},\"action\":\"a\"}", "");
		String tooMany = "{\"checks\":[" + String.join(",", java.util.Collections.nCopies(1001, "{}")) + "]}";
		call("check/bulk", BILLING, tooMany).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("checks"));
		call("check/bulk", BILLING,
				"{\"checks\":[{\"user\":{\"key\":\"bob\"},\"action\":\"a\",\"consistency\":\"full\"}]}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("checks[0].consistency"));
		grant(Grant.of(Grantee.user("billing"), "pdp:list"));
		call("check/all-tenants", BILLING,
				"{\"user\":{\"key\":\"bob\"},\"action\":\"a\",\"resource\":{\"type\":\"event\",\"tenant\":\"acme\"}}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("resource.tenant"));
		this.mvc
			.perform(post("/pdp/v1/check").header("X-Api-Key", BILLING)
				.contentType(MediaType.TEXT_PLAIN)
				.content(check("bob", "a", "event", "7")))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		String huge = "{\"user\":{\"key\":\"bob\",\"attributes\":{\"x\":\"" + "x".repeat(1_100_000)
				+ "\"}},\"action\":\"a\"}";
		call("check", BILLING, huge).andExpect(status().isContentTooLarge())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void aFailingStoreIsA503AndNoAnswer() throws Exception {
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		this.permissions.check(Subject.of("billing"), "pdp:check", null);
		jdbc.execute("ALTER TABLE pm_grants RENAME TO pm_grants_away");
		try {
			call("check", BILLING, check("nobody-cached", "event:read", "event", "7"))
				.andExpect(status().isServiceUnavailable())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value("The decision could not be made. Please try again later."));
		}
		finally {
			jdbc.execute("ALTER TABLE pm_grants_away RENAME TO pm_grants");
		}
	}

	@Test
	void bulkOfAThousandChecksIsAnsweredInOrderWithOneStoreReadPerSubject() throws Exception {
		List<String> users = List.of("u0", "u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9");
		for (int i = 0; i < users.size(); i++) {
			grant(Grant.of(Grantee.user(users.get(i)), "event:read").on("event", i));
			grant(Grant.of(Grantee.user(users.get(i)), "event:update").on("event", i + 1).inTenant("acme"));
		}
		List<String> checks = new ArrayList<>();
		List<Boolean> expected = new ArrayList<>();
		java.util.Random random = new java.util.Random(18);
		for (int i = 0; i < 1000; i++) {
			String user = users.get(random.nextInt(users.size()));
			String action = random.nextBoolean() ? "event:read" : "event:update";
			String key = String.valueOf(random.nextInt(12));
			String tenant = random.nextBoolean() ? "acme" : null;
			checks.add("{\"user\":{\"key\":\"" + user + "\"},\"action\":\"" + action
					+ "\",\"resource\":{\"type\":\"event\",\"key\":\"" + key + "\""
					+ ((tenant != null) ? ",\"tenant\":\"" + tenant + "\"" : "") + "}}");
			expected
				.add(this.permissions.check(Subject.of(user), action, Resource.of("event", key).withTenant(tenant)));
		}
		assertThat(expected).contains(true, false);
		call("check", BILLING, check("warm", "a", "event", "1")).andExpect(status().isOk());
		this.snapshots.invalidateAll();
		call("check", BILLING, check("warm", "a", "event", "1")).andExpect(status().isOk());
		this.dataSource.reset();
		String answer = call("check/bulk", BILLING, "{\"checks\":[" + String.join(",", checks) + "]}")
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(this.dataSource.executed()).as("one store read per distinct subject").isEqualTo(users.size());
		JsonNode results = this.json.readTree(answer).get("results");
		assertThat(results.size()).isEqualTo(1000);
		for (int i = 0; i < 1000; i++) {
			assertThat(results.get(i).get("allowed").booleanValue()).as(checks.get(i)).isEqualTo(expected.get(i));
			// without pdp:explain a reason names no grant of the user asked about
			assertThat(results.get(i).get("reason").asString()).as(checks.get(i))
				.isEqualTo(expected.get(i) ? "allowed" : "denied");
			assertThat(results.get(i).has("grant")).as(checks.get(i)).isFalse();
		}
	}

	@Test
	void objectIdsAndAllTenantsNeedPdpList() throws Exception {
		grant(Grant.of(Grantee.user("erin"), "event:read").on("event", 3));
		grant(Grant.of(Grantee.user("erin"), "event:read").on("event", 11).inTenant("acme"));
		String objectIds = "{\"user\":{\"key\":\"erin\"},\"action\":\"event:read\",\"resourceType\":\"event\"}";
		String allTenants = check("erin", "event:read", "event", "11");
		// pdp:check alone answers about an object the caller names, and lists nothing
		call("check", BILLING, allTenants).andExpect(status().isOk()).andExpect(jsonPath("$.allowed").value(false));
		for (String[] listing : List.of(new String[] { "object-ids", objectIds },
				new String[] { "check/all-tenants", allTenants })) {
			call(listing[0], BILLING, listing[1]).andExpect(status().isForbidden())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value("The caller 'billing' does not hold pdp:list: listing the "
						+ "objects or tenants a user can reach takes it besides pdp:check."))
				.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("acme"))));
			// refused before the body is read
			call(listing[0], BILLING, "{\"user\":").andExpect(status().isForbidden());
			// pdp:explain is not pdp:list
			call(listing[0], AUDITOR, listing[1]).andExpect(status().isForbidden())
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("pdp:list")));
		}
		// pdp:list without pdp:check is not enough
		grant(Grant.of(Grantee.user("stranger"), "pdp:list"));
		call("object-ids", STRANGER, objectIds).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("pdp:check")));
		// a grant of pdp:list scoped to a resource is not pdp:list
		grant(Grant.of(Grantee.user("billing"), "pdp:list").on("event", 3));
		call("object-ids", BILLING, objectIds).andExpect(status().isForbidden());
		grant(Grant.of(Grantee.user("billing"), "pdp:list"));
		call("object-ids", BILLING, objectIds).andExpect(status().isOk())
			.andExpect(content().json("{\"allObjects\":false,\"ids\":[\"3\"]}", true));
		call("check/all-tenants", BILLING, allTenants).andExpect(status().isOk())
			.andExpect(content().json("{\"allTenants\":false,\"tenants\":[\"acme\"]}", true));
	}

	@Test
	void allTenantsListsTheTenantsWhereTheCheckIsAllowed() throws Exception {
		grant(Grant.of(Grantee.user("billing"), "pdp:list"));
		grant(Grant.of(Grantee.user("carol"), "event:read").on("event", 7).inTenant("acme"));
		grant(Grant.of(Grantee.user("carol"), "event:read").on("event").inTenant("globex"));
		grant(Grant.of(Grantee.user("carol"), "event:read").on("event", 8).inTenant("initech"));
		String body = "{\"user\":{\"key\":\"carol\"},\"action\":\"event:read\",\"resource\":{\"type\":\"event\",\"key\":\"7\"}}";
		call("check/all-tenants", BILLING, body)
			.andExpect(content().json("{\"allTenants\":false,\"tenants\":[\"acme\",\"globex\"]}", true));
		grant(Grant.of(Grantee.group("staff"), "event:*"));
		call("check/all-tenants", BILLING, body.replace("\"carol\"}", "\"carol\",\"groups\":[\"staff\"]}"))
			.andExpect(jsonPath("$.allTenants").value(true));
	}

	@Test
	void userPermissionsListsEachResourceWithRolesExpanded() throws Exception {
		grant(Grant.of(Grantee.user("dave"), "coorganizer").on("event", 7));
		grant(Grant.of(Grantee.user("dave"), "report:read"));
		grant(Grant.of(Grantee.user("dave"), "event:read").on("event", 9).inTenant("acme"));
		this.grants.addMember("auditors", "dave");
		grant(Grant.of(Grantee.group("auditors"), "audit:read").on("log"));
		try {
			call("user-permissions", AUDITOR, "{\"user\":{\"key\":\"dave\"}}").andExpect(status().isOk())
				.andExpect(content().json(
						"""
								{"permissions":[
								 {"resource":{},"permissions":["report:read"],"roles":[]},
								 {"resource":{"type":"event","key":"7"},
								  "permissions":["event:read","event:update","session:*"],"roles":["coorganizer"]},
								 {"resource":{"type":"event","key":"9","tenant":"acme"},"permissions":["event:read"],"roles":[]},
								 {"resource":{"type":"log"},"permissions":["audit:read"],"roles":[]}]}""",
						true));
			call("user-permissions", AUDITOR,
					"{\"user\":{\"key\":\"dave\"},\"resourceTypes\":[\"log\"],\"tenant\":\"globex\"}")
				.andExpect(jsonPath("$.permissions.length()").value(2))
				.andExpect(jsonPath("$.permissions[1].resource.type").value("log"));
		}
		finally {
			this.grants.removeMember("auditors", "dave");
		}
	}

	@Test
	void userPermissionsNeedPdpExplain() throws Exception {
		grant(Grant.of(Grantee.user("dave"), "coorganizer").on("event", 7));
		// pdp:check alone lets a caller ask about a decision, not list another user's
		// grants
		call("user-permissions", BILLING, "{\"user\":{\"key\":\"dave\"}}").andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("pdp:explain")))
			.andExpect(
					content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("coorganizer"))));
		// refused before the body is read: a malformed body is not a 400 that tells the
		// caller more
		call("user-permissions", BILLING, "{\"user\":").andExpect(status().isForbidden());
		// pdp:explain without pdp:check is not enough either
		grant(Grant.of(Grantee.user("stranger"), "pdp:explain"));
		call("user-permissions", STRANGER, "{\"user\":{\"key\":\"dave\"}}").andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("pdp:check")));
		// a grant of pdp:explain scoped to a resource is not pdp:explain
		grant(Grant.of(Grantee.user("billing"), "pdp:explain").on("event", 7));
		call("user-permissions", BILLING, "{\"user\":{\"key\":\"dave\"}}").andExpect(status().isForbidden());
		call("user-permissions", AUDITOR, "{\"user\":{\"key\":\"dave\"}}").andExpect(status().isOk())
			.andExpect(jsonPath("$.permissions[0].roles[0]").value("coorganizer"));
	}

	@Test
	void objectIdsListsTheObjectsAndSaysWhenEveryObjectIsAllowed() throws Exception {
		grant(Grant.of(Grantee.user("billing"), "pdp:list"));
		grant(Grant.of(Grantee.user("erin"), "event:read").on("event", 3));
		grant(Grant.of(Grantee.user("erin"), "event:read").on("event", 11));
		grant(Grant.of(Grantee.user("erin"), "event:update").on("event"));
		call("object-ids", BILLING,
				"{\"user\":{\"key\":\"erin\"},\"action\":\"event:read\",\"resourceType\":\"event\"}")
			.andExpect(content().json("{\"allObjects\":false,\"ids\":[\"11\",\"3\"]}", true));
		call("object-ids", BILLING,
				"{\"user\":{\"key\":\"erin\"},\"action\":\"event:update\",\"resourceType\":\"event\"}")
			.andExpect(content().json("{\"allObjects\":true,\"ids\":[]}", true));
		call("object-ids", BILLING, "{\"user\":{\"key\":\"erin\"},\"action\":\"event:read\",\"resourceType\":\"event\","
				+ "\"consistency\":\"full\"}")
			.andExpect(jsonPath("$.ids.length()").value(2));
	}

	private void expectBadRequest(String body, String field) throws Exception {
		ResultActions result = call("check", BILLING, body).andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		if (field.isEmpty()) {
			result.andExpect(jsonPath("$.field").doesNotExist());
		}
		else {
			result.andExpect(jsonPath("$.field").value(field));
		}
	}

	private ResultActions call(String path, String key, String body) throws Exception {
		return this.mvc.perform(
				post("/pdp/v1/" + path).header("X-Api-Key", key).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	static String check(String user, String action, String type, String key) {
		return "{\"user\":{\"key\":\"" + user + "\"},\"action\":\"" + action + "\",\"resource\":{\"type\":\"" + type
				+ "\",\"key\":\"" + key + "\"}}";
	}

	private void grant(Grant grant) {
		this.grants.grant(grant);
		this.granted.add(grant);
	}

}
