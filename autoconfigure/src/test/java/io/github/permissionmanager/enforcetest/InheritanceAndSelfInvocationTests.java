package io.github.permissionmanager.enforcetest;

import io.github.permissionmanager.PermissionDeniedException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An annotation on an interface or superclass method governs an override even when the
 * class carries another type-level annotation (Spring Security's reading); a call from
 * inside the same bean is not intercepted.
 */
@SpringBootTest(classes = EnforceTestApplication.class, webEnvironment = WebEnvironment.NONE)
@TestPropertySource(locations = "classpath:enforcetest/enforce.properties")
class InheritanceAndSelfInvocationTests extends AbstractEnforceTests {

	@Autowired
	PurgeService service;

	@Test
	@WithMockUser("bob")
	void interfaceMethodAnnotationGovernsTheOverrideNotTheClassAnnotation() {
		this.evaluator.grantUnscoped("bob", "event:list");
		assertThatExceptionOfType(PermissionDeniedException.class).isThrownBy(() -> this.service.purge(7))
			.satisfies((ex) -> assertThat(ex.getMissingPermissions()).containsExactly("event:purge"));
		this.evaluator.grant("bob", "event:purge", "event", 7);
		this.service.purge(7);
		assertThat(this.sideEffects.ran()).containsExactly("purge 7");
	}

	@Test
	@WithMockUser("bob")
	void superclassMethodAnnotationGovernsTheOverrideNotTheClassAnnotation() {
		this.evaluator.grantUnscoped("bob", "event:list");
		assertThatExceptionOfType(PermissionDeniedException.class).isThrownBy(() -> this.service.archiveAll(7))
			.satisfies((ex) -> assertThat(ex.getMissingPermissions()).containsExactly("event:archive"));
		assertThat(this.sideEffects.ran()).isEmpty();
	}

	@Test
	@WithMockUser("bob")
	void callFromInsideTheBeanIsNotIntercepted() {
		// only the type-level event:list guards purgeThroughThis; its inner purge() is
		// not checked
		this.evaluator.grantUnscoped("bob", "event:list");
		this.service.purgeThroughThis(7);
		assertThat(this.sideEffects.ran()).containsExactly("purge 7");
		assertThat(this.evaluator.requests()).extracting((request) -> request.permission())
			.containsExactly("event:list");
	}

}
