package io.github.permissionmanager.security;

import java.util.List;
import java.util.function.Supplier;

import io.github.permissionmanager.AuthenticationRequiredException;
import io.github.permissionmanager.PermissionAuthorizationDecision;
import io.github.permissionmanager.PermissionDeniedException;
import io.github.permissionmanager.PermissionEvaluationException;
import io.github.permissionmanager.enforce.GuardVerdicts;
import org.aopalliance.intercept.MethodInvocation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

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
 * Told by the permission interceptor itself, which tells only its own check's verdict: a
 * denial thrown by a guarded method the body calls is that inner call's, published once,
 * by it.
 */
public final class AuthorizationEventVerdicts implements GuardVerdicts {

	private static final Log logger = LogFactory.getLog(AuthorizationEventVerdicts.class);

	// Immutable (final fields, an immutable list): shared by every allow
	private static final PermissionAuthorizationDecision ALLOWED = new PermissionAuthorizationDecision(true, "allowed",
			List.of(), null);

	private final Supplier<Publisher> publisher;

	private final Supplier<SecurityContextHolderStrategy> securityContext;

	/**
	 * Publish every verdict through one publisher; collaborators are looked up on first
	 * use.
	 * @param publisher the publisher Spring Security's authorization uses
	 * @param securityContext the strategy holding the caller
	 */
	public AuthorizationEventVerdicts(Supplier<AuthorizationEventPublisher> publisher,
			Supplier<SecurityContextHolderStrategy> securityContext) {
		this((Supplier<@Nullable AuthorizationEventPublisher>) publisher::get, () -> {
			throw new IllegalStateException("No fallback publisher: the application's is used");
		}, securityContext);
	}

	/**
	 * Publish the verdicts; collaborators are looked up on first use. The application's
	 * publisher, when there is one, is handed every verdict (it decides which to
	 * publish); without one, denials go to the fallback and allows are dropped before
	 * anything is built, as the fallback would drop them.
	 * @param application supplies the application's publisher, or {@code null} for none
	 * @param denialsOnly supplies the publisher used without one: it must publish denials
	 * only (Spring Security's {@code SpringAuthorizationEventPublisher} as it comes)
	 * @param securityContext the strategy holding the caller
	 */
	public AuthorizationEventVerdicts(Supplier<@Nullable AuthorizationEventPublisher> application,
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

	@Override
	public void allowed(MethodInvocation invocation) {
		try {
			Publisher publisher = this.publisher.get();
			if (!publisher.allows()) {
				// the publisher in use drops allows: nothing to build for it
				return;
			}
			publish(publisher, invocation, ALLOWED);
		}
		// an allow that could not be recorded is not a clean allow (503, the method does
		// not run)
		catch (RuntimeException ex) {
			throw new PermissionEvaluationException("An authorization event listener failed", ex);
		}
	}

	@Override
	public void denied(MethodInvocation invocation, PermissionDeniedException denial) {
		publishDenial(invocation, new PermissionAuthorizationDecision(false, String.valueOf(denial.getMessage()),
				denial.getMissingPermissions(), denial.getResource()));
	}

	@Override
	public void unauthenticated(MethodInvocation invocation, AuthenticationRequiredException denial) {
		publishDenial(invocation, new PermissionAuthorizationDecision(false, "no authenticated user", List.of(), null));
	}

	private void publishDenial(MethodInvocation invocation, PermissionAuthorizationDecision decision) {
		try {
			publish(this.publisher.get(), invocation, decision);
		}
		// a denial stays a denial
		catch (RuntimeException ex) {
			logger.warn("An authorization event listener failed", ex);
		}
	}

	private void publish(Publisher publisher, MethodInvocation invocation, PermissionAuthorizationDecision decision) {
		// read now: a listener may look after the security context was cleared
		Authentication authentication = this.securityContext.get().getContext().getAuthentication();
		publisher.publisher().publishAuthorizationEvent(() -> authentication(authentication), invocation, decision);
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
