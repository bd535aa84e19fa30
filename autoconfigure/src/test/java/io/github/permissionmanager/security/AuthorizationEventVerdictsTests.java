package io.github.permissionmanager.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.PermissionDeniedException;
import io.github.permissionmanager.PermissionEvaluationException;
import io.github.permissionmanager.RequiresPermissions;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.enforce.PermissionEnforcer;
import io.github.permissionmanager.enforce.PermissionInterceptor;
import io.github.permissionmanager.enforce.RuleRegistry;
import io.github.permissionmanager.resolve.ResolutionPlanner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Which publisher is handed which verdict the guard tells: the application's every one,
 * the fallback (denials only) never an allow; an allow that cannot be published stops the
 * method, a denial stays a denial when its event cannot be published.
 */
class AuthorizationEventVerdictsTests {

	private final AtomicInteger runs = new AtomicInteger();

	private final Recording application = new Recording();

	private final Recording fallback = new Recording();

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void theApplicationsPublisherIsHandedAllowsAndDenials() {
		signIn();
		AuthorizationEventVerdicts verdicts = new AuthorizationEventVerdicts(() -> this.application,
				() -> this.fallback, SecurityContextHolder::getContextHolderStrategy);
		assertThat(guarded(verdicts, true).call()).isEqualTo("ran");
		assertThatExceptionOfType(PermissionDeniedException.class).isThrownBy(guarded(verdicts, false)::call);
		assertThat(this.application.results).extracting(AuthorizationResult::isGranted).containsExactly(true, false);
		assertThat(this.application.names).containsExactly("bob", "bob");
		assertThat(this.fallback.results).isEmpty();
		assertThat(this.runs).hasValue(1);
	}

	@Test
	void anAllowTheApplicationsPublisherCannotTakeStopsTheMethod() {
		signIn();
		this.application.fails = true;
		AuthorizationEventVerdicts verdicts = new AuthorizationEventVerdicts(() -> this.application,
				() -> this.fallback, SecurityContextHolder::getContextHolderStrategy);
		assertThatExceptionOfType(PermissionEvaluationException.class).isThrownBy(guarded(verdicts, true)::call);
		assertThat(this.runs).hasValue(0);
		// a denial stays a denial
		assertThatExceptionOfType(PermissionDeniedException.class).isThrownBy(guarded(verdicts, false)::call);
	}

	@Test
	void withoutAnApplicationsPublisherTheFallbackIsHandedDenialsOnly() {
		signIn();
		AuthorizationEventVerdicts verdicts = new AuthorizationEventVerdicts(() -> null, () -> this.fallback,
				SecurityContextHolder::getContextHolderStrategy);
		assertThat(guarded(verdicts, true).call()).isEqualTo("ran");
		assertThat(this.fallback.results).isEmpty();
		assertThatExceptionOfType(PermissionDeniedException.class).isThrownBy(guarded(verdicts, false)::call);
		assertThat(this.fallback.results).singleElement()
			.satisfies((result) -> assertThat(result.isGranted()).isFalse());
		assertThat(this.runs).hasValue(1);
	}

	@Test
	void theOnePublisherConstructorHandsItEveryVerdict() {
		signIn();
		AuthorizationEventVerdicts verdicts = new AuthorizationEventVerdicts(() -> this.application,
				SecurityContextHolder::getContextHolderStrategy);
		guarded(verdicts, true).call();
		assertThat(this.application.results).singleElement()
			.satisfies((result) -> assertThat(result.isGranted()).isTrue());
	}

	private static void signIn() {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("bob", null, List.of()));
	}

	private Guarded guarded(AuthorizationEventVerdicts verdicts, boolean allow) {
		PermissionEnforcer enforcer = mock(PermissionEnforcer.class);
		if (allow) {
			given(enforcer.enforce(any(), any())).willReturn(PermissionContext.empty());
		}
		else {
			given(enforcer.enforce(any(), any())).willThrow(new PermissionDeniedException("bob lacks board:read",
					List.of("board:read"), Resource.of("board", 6)));
		}
		RuleRegistry registry = new RuleRegistry(Map.of(), new ResolutionPlanner(null));
		ProxyFactory factory = new ProxyFactory(new Guarded(this.runs));
		factory.setProxyTargetClass(true);
		factory.addAdvice(new PermissionInterceptor(() -> registry, () -> enforcer, () -> verdicts));
		return (Guarded) factory.getProxy();
	}

	/** The guarded method. */
	public static class Guarded {

		private final AtomicInteger runs;

		Guarded(AtomicInteger runs) {
			this.runs = runs;
		}

		public Guarded() {
			this(new AtomicInteger());
		}

		@RequiresPermissions("board:read")
		public String call() {
			this.runs.incrementAndGet();
			return "ran";
		}

	}

	/** A publisher that records what it is handed, or fails. */
	private static final class Recording implements AuthorizationEventPublisher {

		final List<AuthorizationResult> results = new ArrayList<>();

		final List<String> names = new ArrayList<>();

		boolean fails;

		@Override
		public <T> void publishAuthorizationEvent(Supplier<Authentication> authentication, T object,
				AuthorizationResult result) {
			if (this.fails) {
				throw new IllegalStateException("listener down");
			}
			this.results.add(result);
			this.names.add(authentication.get().getName());
		}

	}

}
