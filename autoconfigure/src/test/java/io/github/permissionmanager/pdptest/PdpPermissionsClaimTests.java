package io.github.permissionmanager.pdptest;

import java.util.List;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionGrants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A decision point that takes permissions from a JWT claim
 * ({@code permission-manager.jwt.permissions-claim}) never takes them from a caller's
 * body: a user attribute of that name is a 400 naming it, in a check, in a bulk and in an
 * object-ids query, and nothing is allowed by it.
 */
@SpringBootTest(classes = PdpTestApplication.class,
		properties = { "pdptest.datasource.url=jdbc:h2:mem:pdpclaim;DB_CLOSE_DELAY=-1",
				"permission-manager.jwt.permissions-claim=permissions" })
@AutoConfigureMockMvc
@TestPropertySource(locations = "classpath:pdptest/pdp.properties")
class PdpPermissionsClaimTests {

	private static final Grant CALLER = Grant.of(Grantee.user("billing"), "pdp:check");

	private static final Grant LISTS = Grant.of(Grantee.user("billing"), "pdp:list");

	@Autowired
	MockMvc mvc;

	@Autowired
	PermissionGrants grants;

	@BeforeEach
	void caller() {
		this.grants.grantAll(List.of(CALLER, LISTS));
	}

	@AfterEach
	void revoke() {
		this.grants.revokeAll(List.of(CALLER, LISTS));
	}

	@Test
	void aUserAttributeNamedAsThePermissionsClaimIsRefused() throws Exception {
		String forged = """
				{"user":{"key":"mallory","attributes":{"permissions":["*"]}},"action":"event:delete",
				 "resource":{"type":"event","key":"7"}}""";
		call("check", forged).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("user.attributes.permissions")));
		call("check/bulk", "{\"checks\":[" + forged + "]}").andExpect(status().isBadRequest());
		call("object-ids", """
				{"user":{"key":"mallory","attributes":{"permissions":"event:read"}},"action":"event:read",
				 "resourceType":"event"}""").andExpect(status().isBadRequest());
		call("check", """
				{"user":{"key":"mallory","attributes":{"department":"sales"}},"action":"event:delete",
				 "resource":{"type":"event","key":"7"}}""").andExpect(status().isOk())
			.andExpect(jsonPath("$.allowed").value(false));
	}

	private ResultActions call(String path, String body) throws Exception {
		return this.mvc.perform(post("/pdp/v1/" + path).header("X-Api-Key", PdpServerTests.BILLING)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

}
