package io.github.permissionmanager.connect;

import java.io.IOException;
import java.net.URI;

import io.github.permissionmanager.AuthenticationRequiredException;
import io.github.permissionmanager.ConnectionUnavailableException;
import io.github.permissionmanager.caller.CurrentCaller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogMessage;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.util.Assert;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UrlPathHelper;

/**
 * Stands around Spring Security's authorization code grant for the callbacks of
 * connections (a registration's {@code redirect-uri}, {@code /oauth2/connected/{id}} for
 * presets). An authorization response reaching it without an authenticated user is a 401
 * problem: the tokens would belong to nobody. Any failure while the code is exchanged and
 * stored (the provider or the database down) is a 503 problem, never a 500. The request
 * Spring Security sends the browser back to once the code is exchanged is redirected to
 * the return path kept by the sign-in, else the default one, with
 * {@code connection-error} added when the provider refused.
 */
final class ConnectionCallbackFilter extends OncePerRequestFilter {

	/** The parameter added to the return path when the sign-in failed. */
	static final String ERROR_PARAMETER = "connection-error";

	private static final Log logger = LogFactory.getLog(ConnectionCallbackFilter.class);

	private final ConnectionCatalog catalog;

	private final ClientRegistrationRepository registrations;

	private final CurrentCaller caller;

	private final String defaultReturnTo;

	private final ProblemWriter problems;

	private final UrlPathHelper paths = UrlPathHelper.defaultInstance;

	ConnectionCallbackFilter(ConnectionCatalog catalog, ClientRegistrationRepository registrations,
			CurrentCaller caller, String defaultReturnTo, ProblemWriter problems) {
		Assert.notNull(catalog, "catalog cannot be null");
		Assert.notNull(registrations, "registrations cannot be null");
		Assert.notNull(caller, "caller cannot be null");
		Assert.isTrue(ReturnTo.isSafe(defaultReturnTo), "the default return-to must be a path of this application");
		Assert.notNull(problems, "problems cannot be null");
		this.catalog = catalog;
		this.registrations = registrations;
		this.caller = caller;
		this.defaultReturnTo = defaultReturnTo;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String registrationId = callbackOf(request);
		if (registrationId == null) {
			chain.doFilter(request, response);
			return;
		}
		boolean authorizationResponse = request.getParameter(OAuth2ParameterNames.STATE) != null
				&& (request.getParameter(OAuth2ParameterNames.CODE) != null
						|| request.getParameter(OAuth2ParameterNames.ERROR) != null);
		if (authorizationResponse) {
			exchange(request, response, chain, registrationId);
		}
		else {
			back(request, response, registrationId);
		}
	}

	private void exchange(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
			String registrationId) throws IOException {
		if (this.caller.authentication() == null) {
			this.problems.write(request, response, new AuthenticationRequiredException(
					"The sign-in to '" + registrationId + "' came back without an authenticated user"));
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (response.isCommitted()) {
				throw (ex instanceof IOException io) ? io : new IOException(ex);
			}
			this.problems.write(request, response, new ConnectionUnavailableException(
					"The sign-in to '" + registrationId + "' could not be completed", ex));
		}
	}

	private void back(HttpServletRequest request, HttpServletResponse response, String registrationId)
			throws IOException {
		String returnTo = ConnectionReturn.take(request, registrationId);
		String target = (returnTo != null) ? returnTo : this.defaultReturnTo;
		String error = request.getParameter(OAuth2ParameterNames.ERROR);
		if (error != null) {
			logger.debug(LogMessage.format("The sign-in to '%s' failed: %s", registrationId, error));
			target = UriComponentsBuilder.fromUriString(target)
				.queryParam(ERROR_PARAMETER, error.replaceAll("[^A-Za-z0-9_.-]", ""))
				.build()
				.toUriString();
		}
		response.sendRedirect(request.getContextPath() + target);
	}

	// The registration whose redirect URI this request is, when it serves a connection
	private @Nullable String callbackOf(HttpServletRequest request) {
		String path = this.paths.getPathWithinApplication(request);
		String full = request.getRequestURI();
		for (ConnectionDefinition connection : this.catalog.entries().values()) {
			String id = connection.registrationId();
			ClientRegistration registration = (connection.kind() == ConnectionDefinition.Kind.OAUTH2)
					? this.registrations.findByRegistrationId(id) : null;
			String redirectUri = (registration != null) ? registration.getRedirectUri() : null;
			if (redirectUri == null) {
				continue;
			}
			String template = redirectUri.replace("{registrationId}", id).replace("{action}", "login");
			if (template.startsWith("{baseUrl}") ? template.substring("{baseUrl}".length()).equals(path)
					: pathOf(template).equals(full)) {
				return id;
			}
		}
		return null;
	}

	private static String pathOf(String uri) {
		try {
			String path = URI.create(uri).getRawPath();
			return (path != null) ? path : "";
		}
		catch (IllegalArgumentException ex) {
			return "";
		}
	}

}
