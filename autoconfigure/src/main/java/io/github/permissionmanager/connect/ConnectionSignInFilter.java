package io.github.permissionmanager.connect;

import java.io.IOException;

import io.github.permissionmanager.PermissionContextException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.Assert;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stands before Spring Security's authorization request redirect
 * ({@code /oauth2/authorization/{registrationId}}): a registration that does not exist is
 * a 404 problem (Spring Security would answer 500), a {@code return-to} that is not a
 * path of this application a 400 problem (no open redirect), and a safe one is kept in
 * the session for the way back.
 */
final class ConnectionSignInFilter extends OncePerRequestFilter {

	private final RequestMatcher signIn = PathPatternRequestMatcher.withDefaults()
		.matcher("/oauth2/authorization/{registrationId}");

	private final ClientRegistrationRepository registrations;

	private final ProblemWriter problems;

	ConnectionSignInFilter(ClientRegistrationRepository registrations, ProblemWriter problems) {
		Assert.notNull(registrations, "registrations cannot be null");
		Assert.notNull(problems, "problems cannot be null");
		this.registrations = registrations;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		RequestMatcher.MatchResult match = this.signIn.matcher(request);
		if (!match.isMatch()) {
			chain.doFilter(request, response);
			return;
		}
		String registrationId = match.getVariables().get("registrationId");
		if (registrationId == null || this.registrations.findByRegistrationId(registrationId) == null) {
			this.problems.write(request, response,
					new PermissionContextException(PermissionContextException.Reason.NOT_FOUND, null,
							"No client registration '" + registrationId + "'"));
			return;
		}
		String[] returnTo = request.getParameterValues(ReturnTo.PARAMETER);
		if (returnTo != null && (returnTo.length != 1 || !ReturnTo.isSafe(returnTo[0]))) {
			this.problems.write(request, response,
					new PermissionContextException(PermissionContextException.Reason.INVALID_VALUE, null,
							"return-to must be one path of this application"));
			return;
		}
		ConnectionReturn.remember(request, registrationId, (returnTo != null) ? returnTo[0] : null);
		chain.doFilter(request, response);
	}

}
