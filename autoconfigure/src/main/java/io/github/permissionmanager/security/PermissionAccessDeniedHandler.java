package io.github.permissionmanager.security;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

import io.github.permissionmanager.PermissionAuthorizationDecision;
import io.github.permissionmanager.caller.CurrentCaller;
import io.github.permissionmanager.web.PermissionProblemExceptionResolver;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.Assert;
import org.springframework.util.function.SingletonSupplier;

/**
 * Answers a denial of a Permission Manager request rule (or of a {@code hasPermission}
 * that reached Spring Security's filter chain) with the problem response of a
 * {@code @RequiresPermissions} denial: 403, {@code missingPermissions}, {@code resource}
 * and the catalog's text; 401 when the caller is no authenticated user (an authentication
 * without a name); 503 when the check could not be answered (the store failed), 403 when
 * tenant sources disagree. Any other denial goes to the handler it would otherwise reach.
 * <p>
 * It is registered for the requests {@link #deniedByPermissionManager()} matches, beside
 * Spring Security's other default handlers; an application that sets its own
 * {@code accessDeniedHandler} replaces it.
 */
public final class PermissionAccessDeniedHandler implements AccessDeniedHandler {

	private final PermissionProblemExceptionResolver problems;

	private final AccessDeniedHandler otherwise;

	private final Supplier<CurrentCaller> caller;

	/**
	 * Create a handler that hands other denials to Spring Security's default one.
	 * @param problems writes the problem responses
	 * @param caller tells whether somebody is authenticated (401 or 403)
	 */
	public PermissionAccessDeniedHandler(PermissionProblemExceptionResolver problems, Supplier<CurrentCaller> caller) {
		this(problems, caller, new AccessDeniedHandlerImpl());
	}

	/**
	 * Create a handler.
	 * @param problems writes the problem responses
	 * @param caller tells whether somebody is authenticated (401 or 403)
	 * @param otherwise handles the denials Permission Manager took no part in
	 */
	public PermissionAccessDeniedHandler(PermissionProblemExceptionResolver problems, Supplier<CurrentCaller> caller,
			AccessDeniedHandler otherwise) {
		Assert.notNull(problems, "problems cannot be null");
		Assert.notNull(caller, "caller cannot be null");
		Assert.notNull(otherwise, "otherwise cannot be null");
		this.problems = problems;
		this.caller = SingletonSupplier.of(caller);
		this.otherwise = otherwise;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException, ServletException {
		List<PermissionAuthorizationDecision> denials = PermissionChecks
			.denials(request.getAttribute(PermissionChecks.DENIALS_ATTRIBUTE));
		if (denials.isEmpty() && ex instanceof AuthorizationDeniedException authorization
				&& authorization.getAuthorizationResult() instanceof PermissionAuthorizationDecision decision) {
			denials = List.of(decision);
		}
		if (denials.isEmpty() || this.problems.resolveException(request, response, null,
				AuthorizationDeniedProblemResolver.problem(ex, denials, this.caller.get())) == null) {
			this.otherwise.handle(request, response, ex);
		}
	}

	/**
	 * Matches the requests a Permission Manager check denied.
	 * @return the matcher
	 */
	public static RequestMatcher deniedByPermissionManager() {
		return (request) -> request.getAttribute(PermissionChecks.DENIALS_ATTRIBUTE) != null;
	}

}
