package io.github.permissionmanager.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import io.github.permissionmanager.AuthenticationRequiredException;
import io.github.permissionmanager.PermissionAuthorizationDecision;
import io.github.permissionmanager.PermissionDeniedException;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.web.PermissionProblemExceptionResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.util.Assert;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers a Spring Security method-security denial ({@code @PreAuthorize} and friends)
 * that a Permission Manager check caused — a {@code hasPermission} or
 * {@code @permissions.check} that denied during the request — with the same problem
 * response as a {@code @RequiresPermissions} denial: 403 naming the missing permissions
 * and the resource, or 401 when nobody is authenticated. It runs first, so an
 * application's catch-all {@code @ExceptionHandler} cannot turn the denial into a 500.
 * Denials Permission Manager did not take part in are left to Spring Security.
 */
public final class AuthorizationDeniedProblemResolver implements HandlerExceptionResolver, Ordered {

	private final PermissionProblemExceptionResolver problems;

	private final Supplier<SecurityContextHolderStrategy> securityContext;

	private final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

	/**
	 * Create a resolver.
	 * @param problems writes the problem responses
	 * @param securityContext the strategy holding the caller
	 */
	public AuthorizationDeniedProblemResolver(PermissionProblemExceptionResolver problems,
			Supplier<SecurityContextHolderStrategy> securityContext) {
		Assert.notNull(problems, "problems cannot be null");
		Assert.notNull(securityContext, "securityContext cannot be null");
		this.problems = problems;
		this.securityContext = securityContext;
	}

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		if (!(ex instanceof AccessDeniedException) || ex instanceof PermissionDeniedException) {
			return null;
		}
		List<PermissionAuthorizationDecision> denials = PermissionChecks.denials();
		if (denials.isEmpty()) {
			return null;
		}
		Authentication authentication = this.securityContext.get().getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| this.trustResolver.isAnonymous(authentication)) {
			AuthenticationRequiredException required = new AuthenticationRequiredException(
					(ex.getMessage() != null) ? ex.getMessage() : "Access Denied");
			required.initCause(ex);
			return this.problems.resolveException(request, response, handler, required);
		}
		return this.problems.resolveException(request, response, handler, denied(ex, denials));
	}

	static PermissionDeniedException denied(Exception ex, List<PermissionAuthorizationDecision> denials) {
		Set<String> missing = new LinkedHashSet<>();
		Set<@Nullable Resource> resources = new LinkedHashSet<>();
		for (PermissionAuthorizationDecision denial : denials) {
			missing.addAll(denial.getMissingPermissions());
			resources.add(denial.getResource());
		}
		// one resource when every denial was about the same one; else naming one would
		// mislead
		Resource resource = (resources.size() == 1) ? resources.iterator().next() : null;
		PermissionDeniedException denied = new PermissionDeniedException(
				Objects.toString(ex.getMessage(), "Access denied") + ": " + denials, List.copyOf(missing), resource);
		denied.initCause(ex);
		return denied;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
