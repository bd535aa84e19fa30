package io.github.permissionmanager.enforcetest;

import io.github.permissionmanager.PermissionRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Each source {@code fetch} reads from: the argument (by name, {@code @PathVariable} or
 * {@code @RequestParam} name), else the URI template variable, else a request parameter
 * the mapping requires (conflicts between them are in {@link SourcePrecedenceWebTests}).
 * Bob is a plain user holding only what each test grants.
 */
@EnforceWebTest
class ContextSourcesWebTests extends AbstractEnforceWebTests {

	@Test
	void argumentByPathVariableNameWhenGrantedOnThatEventThenOk() throws Exception {
		this.evaluator.grant("bob", "event:read", "event", 7);
		this.mvc.perform(get("/events/7").with(user("bob"))).andExpect(status().isOk());
		this.mvc.perform(get("/events/8").with(user("bob"))).andExpect(status().isForbidden());
		assertThat(this.sideEffects.ran()).containsExactly("read 7");
	}

	@Test
	void argumentByParameterNameResolvesItsValue() throws Exception {
		this.evaluator.grant("bob", "event:read", "event", 7);
		this.mvc.perform(get("/named/7").with(user("bob"))).andExpect(status().isOk());
		this.mvc.perform(get("/named/8").with(user("bob"))).andExpect(status().isForbidden());
		assertThat(lastRequest().resource().type()).isEqualTo("event");
		assertThat(lastRequest().resource().id()).isEqualTo("8");
	}

	@Test
	void argumentByRequestParamNameResolvesItsValue() throws Exception {
		this.evaluator.grant("bob", "event:read", "event", 7);
		this.mvc.perform(get("/search").param("event_id", "7").with(user("bob"))).andExpect(status().isOk());
		this.mvc.perform(get("/search").param("event_id", "8").with(user("bob"))).andExpect(status().isForbidden());
	}

	@Test
	void uriTemplateVariableResolvesWhenNoArgumentHasTheKey() throws Exception {
		this.evaluator.grant("bob", "event:read", "event", 7);
		this.mvc.perform(get("/events/7/summary").with(user("bob"))).andExpect(status().isOk());
		this.mvc.perform(get("/events/8/summary").with(user("bob"))).andExpect(status().isForbidden());
		assertThat(this.sideEffects.ran()).containsExactly("summary");
	}

	@Test
	void requestParameterResolvesWhenNeitherArgumentNorUriVariableHasTheKey() throws Exception {
		this.evaluator.grant("bob", "event:read", "event", 7);
		this.mvc.perform(get("/report").param("event_id", "7").with(user("bob"))).andExpect(status().isOk());
		this.mvc.perform(get("/report").param("event_id", "8").with(user("bob"))).andExpect(status().isForbidden());
		assertThat(this.sideEffects.ran()).containsExactly("report");
	}

	@Test
	void requestParameterGivenTwiceIsRefusedRatherThanGuessed() throws Exception {
		this.evaluator.grant("bob", "event:read", "event", 7);
		this.mvc.perform(get("/report").param("event_id", "7", "8").with(user("bob")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Bad Request"));
		assertThat(this.sideEffects.ran()).isEmpty();
	}

	@Test
	void firstFetchKeyPresentWinsAndNamesTheValue() throws Exception {
		this.evaluator.grant("bob", "event:read", "event", 7);
		this.mvc.perform(get("/alternatives").param("eventId", "7").with(user("bob")))
			.andExpect(status().isOk())
			.andExpect(content().string("alternatives {eventId=7}"));
		this.mvc.perform(get("/alternatives").param("event_id", "8").with(user("bob")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.resource.id").value("8"));
		this.mvc.perform(get("/alternatives").with(user("bob")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Bad Request"));
		assertThat(this.sideEffects.ran()).containsExactly("alternatives {eventId=7}");
	}

	@Test
	void alternativesTheCallCarriesWithDifferentValuesAreAmbiguous() throws Exception {
		// the method takes both arguments and may act on either: checking the first
		// would let ?event_id=7&eventId=8 act on event 8
		this.evaluator.grant("bob", "event:read", "event", 7);
		this.mvc.perform(get("/alternatives").param("event_id", "7").param("eventId", "8").with(user("bob")))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/alternatives").param("event_id", "8").param("eventId", "7").with(user("bob")))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/alternatives").param("event_id", "7").param("eventId", "7").with(user("bob")))
			.andExpect(status().isOk());
		assertThat(this.sideEffects.ran()).containsExactly("alternatives {event_id=7}");
	}

	@Test
	void zeroIsARealIdNotAMissingValue() throws Exception {
		this.mvc.perform(get("/events/0").with(user("bob")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.resource.id").value("0"));
		this.evaluator.grant("bob", "event:read", "event", 0);
		this.mvc.perform(get("/events/0").with(user("bob"))).andExpect(status().isOk());
		assertThat(this.sideEffects.ran()).containsExactly("read 0");
	}

	@Test
	void emptyStringIsARealValueNotAMissingOne() throws Exception {
		this.mvc.perform(get("/search").param("event_id", "").with(user("bob")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.resource.id").value(""));
		this.evaluator.grant("bob", "event:read", "event", "");
		this.mvc.perform(get("/search").param("event_id", "").with(user("bob"))).andExpect(status().isOk());
	}

	@Test
	void unscopedCheckHasNoResource() throws Exception {
		this.evaluator.grant("bob", "profile:read", "profile", "*");
		this.mvc.perform(get("/me").with(user("bob"))).andExpect(status().isForbidden());
		assertThat(lastRequest().resource()).isNull();
		this.evaluator.grantUnscoped("bob", "profile:read");
		this.mvc.perform(get("/me").with(user("bob"))).andExpect(status().isOk()).andExpect(content().string("me"));
	}

	@Test
	void tenantComesFromTheConfiguredPathVariable() throws Exception {
		this.evaluator.grant("bob", "event:read", "event", 7);
		this.mvc.perform(get("/tenants/acme/events/7").with(user("bob"))).andExpect(status().isOk());
		assertThat(lastRequest().resource().tenant()).isEqualTo("acme");
		assertThat(lastRequest().context().pathVariables()).containsEntry("tenant", "acme");
	}

	@Test
	void subjectIsBuiltFromTheAuthentication() throws Exception {
		this.mvc.perform(get("/events/7").with(user("bob").authorities(() -> "GROUP_staff", () -> "ROLE_USER")))
			.andExpect(status().isForbidden());
		assertThat(lastRequest().subject().id()).isEqualTo("bob");
		assertThat(lastRequest().subject().groups()).containsExactly("staff");
	}

	private PermissionRequest lastRequest() {
		var requests = this.evaluator.requests();
		assertThat(requests).isNotEmpty();
		return requests.get(requests.size() - 1);
	}

}
