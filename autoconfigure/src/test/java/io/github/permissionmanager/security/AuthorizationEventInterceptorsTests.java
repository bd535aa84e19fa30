package io.github.permissionmanager.security;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.permissionmanager.PermissionDeniedException;
import io.github.permissionmanager.PermissionEvaluationException;
import io.github.permissionmanager.Resource;
import org.aopalliance.intercept.MethodInterceptor;
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

/**
 * Which publisher is handed which verdict: the application's every one, the fallback
 * (denials only) never an allow; an allow that cannot be published stops the method.
 */
class AuthorizationEventInterceptorsTests {

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
		AuthorizationEventInterceptors interceptors = new AuthorizationEventInterceptors(() -> this.application,
				() -> this.fallback, SecurityContextHolder::getContextHolderStrategy);
		assertThat(guarded(interceptors, allow()).call()).isEqualTo("ran");
		assertThatExceptionOfType(PermissionDeniedException.class).isThrownBy(guarded(interceptors, deny())::call);
		assertThat(this.application.results).extracting(AuthorizationResult::isGranted).containsExactly(true, false);
		assertThat(this.application.names).containsExactly("bob", "bob");
		assertThat(this.fallback.results).isEmpty();
		assertThat(this.runs).hasValue(1);
	}

	@Test
	void anAllowTheApplicationsPublisherCannotTakeStopsTheMethod() {
		signIn();
		this.application.fails = true;
		AuthorizationEventInterceptors interceptors = new AuthorizationEventInterceptors(() -> this.application,
				() -> this.fallback, SecurityContextHolder::getContextHolderStrategy);
		assertThatExceptionOfType(PermissionEvaluationException.class).isThrownBy(guarded(interceptors, allow())::call);
		assertThat(this.runs).hasValue(0);
		// a denial stays a denial
		assertThatExceptionOfType(PermissionDeniedException.class).isThrownBy(guarded(interceptors, deny())::call);
	}

	@Test
	void withoutAnApplicationsPublisherTheFallbackIsHandedDenialsOnly() {
		signIn();
		AuthorizationEventInterceptors interceptors = new AuthorizationEventInterceptors(() -> null,
				() -> this.fallback, SecurityContextHolder::getContextHolderStrategy);
		assertThat(guarded(interceptors, allow()).call()).isEqualTo("ran");
		assertThat(this.fallback.results).isEmpty();
		assertThatExceptionOfType(PermissionDeniedException.class).isThrownBy(guarded(interceptors, deny())::call);
		assertThat(this.fallback.results).singleElement()
			.satisfies((result) -> assertThat(result.isGranted()).isFalse());
		assertThat(this.runs).hasValue(1);
	}

	@Test
	void theOnePublisherConstructorHandsItEveryVerdict() {
		signIn();
		AuthorizationEventInterceptors interceptors = new AuthorizationEventInterceptors(() -> this.application,
				SecurityContextHolder::getContextHolderStrategy);
		guarded(interceptors, allow()).call();
		assertThat(this.application.results).singleElement()
			.satisfies((result) -> assertThat(result.isGranted()).isTrue());
	}

	private static void signIn() {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("bob", null, List.of()));
	}

	private static MethodInterceptor allow() {
		return (invocation) -> invocation.proceed();
	}

	private static MethodInterceptor deny() {
		return (invocation) -> {
			throw new PermissionDeniedException("bob lacks board:read", List.of("board:read"), Resource.of("board", 6));
		};
	}

	private Guarded guarded(AuthorizationEventInterceptors interceptors, MethodInterceptor check) {
		ProxyFactory factory = new ProxyFactory((Guarded) () -> {
			this.runs.incrementAndGet();
			return "ran";
		});
		factory.addInterface(Guarded.class);
		factory.addAdvice(interceptors.outer());
		factory.addAdvice(check);
		factory.addAdvice(interceptors.inner());
		return (Guarded) factory.getProxy();
	}

	/** The guarded method. */
	interface Guarded {

		String call();

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
