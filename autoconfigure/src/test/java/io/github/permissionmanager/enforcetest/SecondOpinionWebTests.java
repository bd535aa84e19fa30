package io.github.permissionmanager.enforcetest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With {@code cross-check=false} and the tenant read from both a header and the path: an
 * undeclared request parameter still cannot outrank the model, and a tenant header that
 * disagrees with the path is a denial, never "first wins".
 */
@EnforceWebTest(properties = { "permission-manager.cross-check=false", "permission-manager.tenant.header=X-Tenant" })
class SecondOpinionWebTests extends AbstractEnforceWebTests {

	@Test
	void withoutCrossCheckAnUndeclaredParameterStillNeverOutranksTheModel() throws Exception {
		this.evaluator.grant("bob", "session:update", "event", 1);
		this.mvc.perform(patch("/sessions/20").param("event_id", "1").content("stolen").with(user("bob")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.resource.id").value("2"));
		assertThat(this.data.sessionTitle(20)).isEqualTo("Other");
		assertThat(this.sideEffects.ran()).isEmpty();
	}

	@Test
	void tenantHeaderThatDisagreesWithThePathIsADenial() throws Exception {
		this.evaluator.grant("bob", "event:read", "event", 7);
		this.mvc.perform(get("/tenants/globex/events/7").header("X-Tenant", "acme").with(user("bob")))
			.andExpect(status().isForbidden());
		assertThat(this.sideEffects.ran()).isEmpty();
		this.mvc.perform(get("/tenants/globex/events/7").header("X-Tenant", "globex").with(user("bob")))
			.andExpect(status().isOk());
		this.mvc.perform(get("/tenants/globex/events/7").with(user("bob"))).andExpect(status().isOk());
		assertThat(this.evaluator.requests()).extracting((request) -> request.resource().tenant())
			.containsOnly("globex");
	}

	@Test
	void tenantHeaderGivenTwiceIsAmbiguousAndRefused() throws Exception {
		// one reader would take the first copy, a @RequestHeader String both joined
		this.evaluator.grant("bob", "event:read", "event", 7);
		this.mvc.perform(get("/events/7").header("X-Tenant", "globex", "acme").with(user("bob")))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/tenants/globex/events/7").header("X-Tenant", "globex", "globex").with(user("bob")))
			.andExpect(status().isBadRequest());
		assertThat(this.sideEffects.ran()).isEmpty();
		assertThat(this.evaluator.requests()).isEmpty();
	}

}
