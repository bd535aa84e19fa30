package io.github.permissionmanager.securitytest;

import java.util.List;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionAuthorizationDecision;
import io.github.permissionmanager.PermissionDeniedException;
import io.github.permissionmanager.Resource;
import jakarta.servlet.http.HttpServletRequest;
import org.aopalliance.intercept.MethodInvocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Permission Manager's denials among Spring Security's authorization events, with the
 * decision attached; no event per allow by default; its own decision events still
 * published.
 */
class AuthorizationEventWebTests extends AbstractSecurityWebTests {

	@Autowired
	AuthorizationEvents events;

	@Autowired
	NestedService nested;

	@BeforeEach
	void setUp() {
		this.events.reset();
	}

	@AfterEach
	void tearDown() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void requiresPermissionsDenialIsAnAuthorizationDeniedEventWithTheDecision() throws Exception {
		this.mvc.perform(get("/pinboards/6").with(user("bob"))).andExpect(status().isForbidden());
		List<AuthorizationDeniedEvent<?>> denied = this.events.denied();
		assertThat(denied).hasSize(1);
		assertThat(denied.get(0).getSource()).isInstanceOf(MethodInvocation.class);
		assertThat(denied.get(0).getAuthentication().get().getName()).isEqualTo("bob");
		PermissionAuthorizationDecision decision = (PermissionAuthorizationDecision) denied.get(0)
			.getAuthorizationResult();
		assertThat(decision.isGranted()).isFalse();
		assertThat(decision.getMissingPermissions()).containsExactly("board:read");
		assertThat(decision.getResource()).isEqualTo(Resource.of("board", 6));
		assertThat(this.events.decisions()).singleElement().satisfies((event) -> assertThat(event.allowed()).isFalse());
	}

	@Test
	void requestRuleDenialIsAnAuthorizationDeniedEventWithTheDecision() throws Exception {
		this.mvc.perform(get("/boards/6/cards").with(user("bob"))).andExpect(status().isForbidden());
		List<AuthorizationDeniedEvent<?>> denied = this.events.denied();
		assertThat(denied).hasSize(1);
		assertThat(denied.get(0).getSource()).isInstanceOf(HttpServletRequest.class);
		PermissionAuthorizationDecision decision = (PermissionAuthorizationDecision) denied.get(0)
			.getAuthorizationResult();
		assertThat(decision.getMissingPermissions()).containsExactly("board:read");
		assertThat(decision.getResource()).isEqualTo(Resource.of("board", 6));
		assertThat(this.events.decisions()).hasSize(1);
	}

	@Test
	void allowsPublishNoAuthorizationEventByDefault() throws Exception {
		this.grants.grant(Grant.of(Grantee.user("bob"), "board:read").on("board", 6));
		this.mvc.perform(get("/pinboards/6").with(user("bob"))).andExpect(status().isOk());
		this.mvc.perform(get("/boards/6/cards").with(user("bob"))).andExpect(status().isOk());
		assertThat(this.events.denied()).isEmpty();
		assertThat(this.events.granted()).isEmpty();
		assertThat(this.events.decisions()).hasSize(2).allSatisfy((event) -> assertThat(event.allowed()).isTrue());
	}

	@Test
	void denialInsideAnAllowedGuardedMethodIsPublishedOnceForTheInnerCall() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "board:list"));
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("bob", "n/a", List.of()));
		assertThatExceptionOfType(PermissionDeniedException.class).isThrownBy(this.nested::outer);
		assertThat(this.events.denied()).singleElement().satisfies((event) -> {
			MethodInvocation invocation = (MethodInvocation) event.getSource();
			assertThat(invocation.getMethod().getName()).isEqualTo("secret");
			assertThat(((PermissionAuthorizationDecision) event.getAuthorizationResult()).getMissingPermissions())
				.containsExactly("board:secret");
		});
	}

}
