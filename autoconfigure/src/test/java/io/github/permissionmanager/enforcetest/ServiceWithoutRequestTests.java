package io.github.permissionmanager.enforcetest;

import io.github.permissionmanager.PermissionContextException;
import io.github.permissionmanager.PermissionDeniedException;
import io.github.permissionmanager.PermissionEvaluationException;
import io.github.permissionmanager.AuthenticationRequiredException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A plain service bean called with no HTTP request: the context comes from its arguments,
 * {@code methods} does not apply, and a refusal is an exception the caller sees.
 */
@SpringBootTest(classes = EnforceTestApplication.class, webEnvironment = WebEnvironment.NONE)
@TestPropertySource(locations = "classpath:enforcetest/enforce.properties")
class ServiceWithoutRequestTests extends AbstractEnforceTests {

	@Autowired
	EventService service;

	@Autowired
	SessionService sessionService;

	@Test
	@WithMockUser("bob")
	void argumentResolvesTheResource() {
		this.evaluator.grant("bob", "event:archive", "event", 7);
		this.service.archive(7L);
		assertThatExceptionOfType(PermissionDeniedException.class).isThrownBy(() -> this.service.archive(8L))
			.satisfies((ex) -> assertThat(ex.getMissingPermissions()).containsExactly("event:archive"))
			.satisfies((ex) -> assertThat(ex.getResource().id()).isEqualTo("8"));
		assertThat(this.sideEffects.ran()).containsExactly("service archive 7");
	}

	@Test
	@WithMockUser("bob")
	void modelLookupResolvesFromTheArgumentWithoutARequest() {
		this.data.reset();
		this.evaluator.grant("bob", "session:update", "event", 1);
		this.sessionService.rename(10, "Renamed");
		assertThatExceptionOfType(PermissionDeniedException.class)
			.isThrownBy(() -> this.sessionService.rename(20, "Hijacked"))
			.satisfies((ex) -> assertThat(ex.getResource().id()).isEqualTo("2"));
		assertThatExceptionOfType(PermissionContextException.class)
			.isThrownBy(() -> this.sessionService.rename(999, "Ghost"))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(PermissionContextException.Reason.NOT_FOUND));
		assertThat(this.data.sessionTitle(10)).isEqualTo("Renamed");
		assertThat(this.data.sessionTitle(20)).isEqualTo("Other");
		assertThat(this.sideEffects.ran()).containsExactly("service rename 10");
	}

	@Test
	@WithMockUser("bob")
	void nullArgumentIsAnUnresolvedContextAndTheMethodDoesNotRun() {
		this.evaluator.grant("bob", "event:archive", "event", "*");
		assertThatExceptionOfType(PermissionContextException.class).isThrownBy(() -> this.service.archive(null))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(PermissionContextException.Reason.MISSING_VALUE));
		assertThat(this.sideEffects.ran()).isEmpty();
	}

	@Test
	@WithMockUser("bob")
	void methodsFilterDoesNotApplyOutsideAnHttpRequest() {
		assertThatExceptionOfType(PermissionDeniedException.class).isThrownBy(() -> this.service.export(7));
		assertThat(this.sideEffects.ran()).isEmpty();
	}

	@Test
	@WithMockUser("bob")
	void optionalPermissionReachesTheServiceThroughItsContextParameter() {
		this.evaluator.grant("bob", "event:read", "event", 7);
		assertThat(this.service.describe(7, null)).isEqualTo("update=false");
		this.evaluator.grant("bob", "event:update", "event", 7);
		assertThat(this.service.describe(7, null)).isEqualTo("update=true");
	}

	@Test
	void noAuthenticationIsRefused() {
		this.evaluator.grant("bob", "event:archive", "event", 7);
		assertThatExceptionOfType(AuthenticationRequiredException.class).isThrownBy(() -> this.service.archive(7L));
		assertThat(this.sideEffects.ran()).isEmpty();
	}

	@Test
	@WithMockUser("bob")
	void evaluatorFailureIsAnEvaluationExceptionAndTheMethodDoesNotRun() {
		this.evaluator.grant("bob", "event:archive", "event", 7);
		this.evaluator.failWith(true);
		assertThatExceptionOfType(PermissionEvaluationException.class).isThrownBy(() -> this.service.archive(7L));
		assertThat(this.sideEffects.ran()).isEmpty();
	}

}
