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
import io.github.permissionmanager.caller.CurrentCaller;
import io.github.permissionmanager.web.PermissionProblemExceptionResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.util.Assert;
import org.springframework.util.function.SingletonSupplier;
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

	private final Supplier<CurrentCaller> caller;

	/**
	 * Create a resolver.
	 * @param problems writes the problem responses
	 * @param caller tells whether somebody is authenticated (401 or 403)
	 */
	public AuthorizationDeniedProblemResolver(PermissionProblemExceptionResolver problems,
			Supplier<CurrentCaller> caller) {
		Assert.notNull(problems, "problems cannot be null");
		Assert.notNull(caller, "caller cannot be null");
		this.problems = problems;
		this.caller = SingletonSupplier.of(caller);
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
		return this.problems.resolveException(request, response, handler, problem(ex, denials, this.caller.get()));
	}

	/**
	 * What a denial Permission Manager took part in answers: the refusal of a check that
	 * could not be answered, else 401 when nobody is authenticated (as
	 * {@link CurrentCaller} judges it: an authentication without a name is nobody), else
	 * 403 naming what was missing.
	 * @param ex Spring Security's denial
	 * @param denials the request's denials, oldest first, not empty
	 * @param caller reads the current caller
	 * @return the exception to answer
	 */
	static RuntimeException problem(Exception ex, List<PermissionAuthorizationDecision> denials, CurrentCaller caller) {
		for (PermissionAuthorizationDecision denial : denials) {
			if (denial instanceof PermissionRefusal refusal) {
				return refusal.getRefusal();
			}
		}
		if (caller.authentication() == null) {
			AuthenticationRequiredException required = new AuthenticationRequiredException(
					(ex.getMessage() != null) ? ex.getMessage() : "Access Denied");
			required.initCause(ex);
			return required;
		}
		return denied(ex, denials);
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
