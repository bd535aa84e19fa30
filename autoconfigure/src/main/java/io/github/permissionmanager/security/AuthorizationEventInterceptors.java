package io.github.permissionmanager.security;

import java.util.List;
import java.util.function.Supplier;

import io.github.permissionmanager.AuthenticationRequiredException;
import io.github.permissionmanager.PermissionAuthorizationDecision;
import io.github.permissionmanager.PermissionDeniedException;
import io.github.permissionmanager.PermissionEvaluationException;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.NamedThreadLocal;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.util.Assert;
import org.springframework.util.function.SingletonSupplier;

/**
 * Publishes the verdicts on {@code @RequiresPermissions} methods through Spring
 * Security's {@link AuthorizationEventPublisher}, so {@code AuthorizationDeniedEvent}
 * listeners (and Boot's audit listener) see Permission Manager's denials, with a
 * {@link PermissionAuthorizationDecision} as the result. Allows go to the application's
 * publisher too, which drops them unless told otherwise (Spring Security's semantics);
 * without one, the fallback publishes denials only, so an allow is not handed to it.
 * <p>
 * Two interceptors around the permission interceptor: the inner one is reached only when
 * the check let the call through (it publishes the allow before the method runs), so a
 * denial thrown by a guarded method the body calls is not taken for a denial of this call
 * (that inner call publishes its own).
 */
public final class AuthorizationEventInterceptors {

	private static final Log logger = LogFactory.getLog(AuthorizationEventInterceptors.class);

	private static final ThreadLocal<@Nullable MethodInvocation> passed = new NamedThreadLocal<>(
			"Permission Manager check passed");

	// Immutable (final fields, an immutable list): shared by every allow
	private static final PermissionAuthorizationDecision ALLOWED = new PermissionAuthorizationDecision(true, "allowed",
			List.of(), null);

	private final Supplier<Publisher> publisher;

	private final Supplier<SecurityContextHolderStrategy> securityContext;

	/**
	 * Create the interceptors, handing every verdict to one publisher; collaborators are
	 * looked up on first use.
	 * @param publisher the publisher Spring Security's authorization uses
	 * @param securityContext the strategy holding the caller
	 */
	public AuthorizationEventInterceptors(Supplier<AuthorizationEventPublisher> publisher,
			Supplier<SecurityContextHolderStrategy> securityContext) {
		this((Supplier<@Nullable AuthorizationEventPublisher>) publisher::get, () -> {
			throw new IllegalStateException("No fallback publisher: the application's is used");
		}, securityContext);
	}

	/**
	 * Create the interceptors; collaborators are looked up on first use. The
	 * application's publisher, when there is one, is handed every verdict (it decides
	 * which to publish); without one, denials go to the fallback and allows are dropped
	 * before anything is built, as the fallback would drop them.
	 * @param application supplies the application's publisher, or {@code null} for none
	 * @param denialsOnly supplies the publisher used without one: it must publish denials
	 * only (Spring Security's {@code SpringAuthorizationEventPublisher} as it comes)
	 * @param securityContext the strategy holding the caller
	 */
	public AuthorizationEventInterceptors(Supplier<@Nullable AuthorizationEventPublisher> application,
			Supplier<AuthorizationEventPublisher> denialsOnly,
			Supplier<SecurityContextHolderStrategy> securityContext) {
		Assert.notNull(application, "application cannot be null");
		Assert.notNull(denialsOnly, "denialsOnly cannot be null");
		Assert.notNull(securityContext, "securityContext cannot be null");
		this.publisher = SingletonSupplier.of(() -> {
			AuthorizationEventPublisher publisher = application.get();
			return (publisher != null) ? new Publisher(publisher, true) : new Publisher(denialsOnly.get(), false);
		});
		this.securityContext = SingletonSupplier.of(securityContext);
	}

	/**
	 * The interceptor that runs before the permission check and publishes its verdict.
	 * @return the interceptor
	 */
	public MethodInterceptor outer() {
		return (invocation) -> {
			MethodInvocation previous = passed.get();
			try {
				return invocation.proceed();
			}
			catch (PermissionDeniedException ex) {
				if (passed.get() != invocation) {
					publish(invocation, new PermissionAuthorizationDecision(false, String.valueOf(ex.getMessage()),
							ex.getMissingPermissions(), ex.getResource()));
				}
				throw ex;
			}
			catch (AuthenticationRequiredException ex) {
				if (passed.get() != invocation) {
					publish(invocation,
							new PermissionAuthorizationDecision(false, "no authenticated user", List.of(), null));
				}
				throw ex;
			}
			finally {
				passed.set(previous);
			}
		};
	}

	/**
	 * The interceptor that runs after the permission check let the call through.
	 * @return the interceptor
	 */
	public MethodInterceptor inner() {
		return (invocation) -> {
			passed.set(invocation);
			publish(invocation, ALLOWED);
			return invocation.proceed();
		};
	}

	private void publish(MethodInvocation invocation, PermissionAuthorizationDecision decision) {
		try {
			Publisher publisher = this.publisher.get();
			if (decision.isGranted() && !publisher.allows()) {
				// the publisher in use drops allows: nothing to build for it
				return;
			}
			// read now: a listener may look after the security context was cleared
			Authentication authentication = this.securityContext.get().getContext().getAuthentication();
			publisher.publisher().publishAuthorizationEvent(() -> authentication(authentication), invocation, decision);
		}
		catch (RuntimeException ex) {
			// an allow that could not be recorded is not a clean allow (503, the method
			// does not run); a denial stays a denial
			if (decision.isGranted()) {
				throw new PermissionEvaluationException("An authorization event listener failed", ex);
			}
			logger.warn("An authorization event listener failed", ex);
		}
	}

	private static Authentication authentication(@Nullable Authentication authentication) {
		if (authentication == null) {
			throw new AuthenticationRequiredException("No authentication for the authorization event");
		}
		return authentication;
	}

	/**
	 * The publisher in use, and whether allows are handed to it.
	 *
	 * @param publisher the publisher
	 * @param allows whether it is handed allows (else it publishes denials only)
	 */
	private record Publisher(AuthorizationEventPublisher publisher, boolean allows) {
	}

}
