package io.github.permissionmanager.connect;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.permissionmanager.AuthenticationRequiredException;
import io.github.permissionmanager.ConnectionRequiredException;
import io.github.permissionmanager.ConnectionUnavailableException;
import io.github.permissionmanager.MissingConnection;
import io.github.permissionmanager.caller.CurrentCaller;
import io.github.permissionmanager.web.CatalogMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.util.Assert;
import org.springframework.web.util.UriUtils;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The one place that answers "does the current user have these connections?": for each
 * required connection its state (renewed first when it can be), the scopes it lacks, and
 * for each missing one where to sign in and what the catalog says. Nobody authenticated
 * is an {@link AuthenticationRequiredException}; a connection that cannot be checked is a
 * {@link ConnectionUnavailableException}, never another exception.
 */
public final class ConnectionChecker {

	// Asks for a refresh token (OpenID Connect Core 1.0, section 11): it is no scope of
	// the access token, and providers (Microsoft) do not list it among the granted ones
	private static final String OFFLINE_ACCESS = "offline_access";

	private final ConnectionCatalog catalog;

	private final Map<ConnectionDefinition.Kind, ConnectionBackend> backends = new EnumMap<>(
			ConnectionDefinition.Kind.class);

	private final CurrentCaller caller;

	private final String endpoint;

	/**
	 * Create a checker.
	 * @param catalog the connections
	 * @param backends a backend per kind of connection the application supports
	 * @param caller reads the current user
	 * @param endpoint the path of the connection endpoints (where API keys are handed
	 * over)
	 */
	public ConnectionChecker(ConnectionCatalog catalog, List<ConnectionBackend> backends, CurrentCaller caller,
			String endpoint) {
		Assert.notNull(catalog, "catalog cannot be null");
		Assert.notNull(backends, "backends cannot be null");
		Assert.notNull(caller, "caller cannot be null");
		Assert.notNull(endpoint, "endpoint cannot be null");
		this.catalog = catalog;
		backends.forEach((backend) -> this.backends.put(backend.kind(), backend));
		this.caller = caller;
		this.endpoint = endpoint;
	}

	/**
	 * The authenticated user.
	 * @param what what needs one (for the log)
	 * @return the user's authentication
	 * @throws AuthenticationRequiredException when there is none
	 */
	public Authentication user(String what) {
		Authentication user = this.caller.authentication();
		if (user == null) {
			throw new AuthenticationRequiredException(what + " needs an authenticated user");
		}
		return user;
	}

	/**
	 * Require connections of the current user.
	 * @param required the connections
	 * @param what what requires them (for the log)
	 * @throws AuthenticationRequiredException when nobody is authenticated
	 * @throws ConnectionRequiredException when one is missing or lacks a scope
	 * @throws ConnectionUnavailableException when one cannot be checked
	 */
	public void require(List<ConnectionRequirement> required, String what) {
		Authentication user = user(what);
		List<MissingConnection> missing = new ArrayList<>();
		CurrentRequest request = CurrentRequest.get();
		for (ConnectionRequirement requirement : required) {
			MissingConnection gap = check(requirement, user, request);
			if (gap != null) {
				missing.add(gap);
			}
		}
		if (!missing.isEmpty()) {
			throw new ConnectionRequiredException(
					what + ": " + user.getName() + " lacks "
							+ missing.stream().map((m) -> m.name() + " (" + m.technicalDetail() + ")").toList(),
					missing);
		}
	}

	/**
	 * Whether the current user has a connection, with the catalog entry's scopes.
	 * @param name the connection's name
	 * @param user the user
	 * @return whether it is usable now
	 */
	public boolean isAvailable(String name, Authentication user) {
		return check(new ConnectionRequirement(name, List.of()), user, null) == null;
	}

	private @Nullable MissingConnection check(ConnectionRequirement requirement, Authentication user,
			@Nullable CurrentRequest request) {
		ConnectionDefinition connection = definition(requirement.name());
		ConnectionState state = state(connection, user);
		if (!state.connected()) {
			return missing(connection, List.of(), detail(connection, state.status()), request);
		}
		if (connection.kind() == ConnectionDefinition.Kind.API_KEY) {
			return null;
		}
		Set<String> needed = new LinkedHashSet<>(connection.scopes());
		needed.addAll(requirement.scopes());
		needed.remove(OFFLINE_ACCESS);
		needed.removeAll(state.grantedScopes());
		if (needed.isEmpty()) {
			return null;
		}
		List<String> scopes = List.copyOf(needed);
		return missing(connection, scopes,
				((scopes.size() == 1) ? "missing scope: " : "missing scopes: ") + String.join(", ", scopes), request);
	}

	/**
	 * The definition of a connection.
	 * @param name the name
	 * @return the definition
	 * @throws ConnectionUnavailableException when there is no such connection (startup
	 * validation reports annotations that name one)
	 */
	public ConnectionDefinition definition(String name) {
		ConnectionDefinition connection = this.catalog.find(name);
		if (connection == null) {
			throw new ConnectionUnavailableException("No connection '" + name + "'",
					new IllegalArgumentException(name));
		}
		return connection;
	}

	/**
	 * A connection's state for a user.
	 * @param connection the connection
	 * @param user the user
	 * @return the state
	 * @throws ConnectionUnavailableException when it cannot be told
	 */
	public ConnectionState state(ConnectionDefinition connection, Authentication user) {
		try {
			return backend(connection).state(connection, user);
		}
		catch (ConnectionUnavailableException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new ConnectionUnavailableException("Could not check '" + connection.name() + "' for " + user.getName()
					+ ": " + ex.getClass().getName(), ex);
		}
	}

	/**
	 * The backend of a connection's kind.
	 * @param connection the connection
	 * @return its backend
	 * @throws ConnectionUnavailableException when the application has none for that kind
	 */
	public ConnectionBackend backend(ConnectionDefinition connection) {
		ConnectionBackend backend = this.backends.get(connection.kind());
		if (backend == null) {
			throw new ConnectionUnavailableException("No backend for " + connection.kind() + " connections",
					new IllegalStateException(connection.name()));
		}
		return backend;
	}

	private String detail(ConnectionDefinition connection, ConnectionState.Status status) {
		return switch (status) {
			case NOT_CONNECTED -> "not connected: " + connection.name();
			case EXPIRED -> "credentials expired: " + connection.name();
			case REVOKED -> "access revoked at the provider: " + connection.name();
			case CONNECTED -> "connected: " + connection.name();
		};
	}

	private MissingConnection missing(ConnectionDefinition connection, List<String> missingScopes, String detail,
			@Nullable CurrentRequest request) {
		CatalogMessage text = connection.catalog();
		String technicalDetail = (text.technicalDetail() != null) ? text.technicalDetail() : detail;
		return new MissingConnection(connection.name(), missingScopes,
				signInUrl(connection, (request != null) ? request : CurrentRequest.get()), technicalDetail,
				text.userMessage(), text.resolutionSteps(), text.supportContact(), text.usage(), text.dataManagement());
	}

	/**
	 * Where the current user signs in to a connection: Spring Security's authorization
	 * request endpoint for an OAuth2 connection, with the current GET request as the
	 * return path, or the API-key endpoint.
	 * @param connection the connection
	 * @param request the current request, or {@code null}
	 * @return the URL, relative to the server
	 */
	String signInUrl(ConnectionDefinition connection, @Nullable CurrentRequest request) {
		String contextPath = (request != null) ? request.contextPath() : "";
		if (connection.kind() == ConnectionDefinition.Kind.API_KEY) {
			return contextPath + this.endpoint + "/" + UriUtils.encodePathSegment(connection.name(), UTF_8);
		}
		String url = contextPath + "/oauth2/authorization/"
				+ UriUtils.encodePathSegment(connection.registrationId(), UTF_8);
		String returnTo = (request != null) ? request.returnTo() : null;
		if (returnTo == null || !ReturnTo.isSafe(returnTo)) {
			return url;
		}
		return url + "?" + ReturnTo.PARAMETER + "=" + UriUtils.encodeQueryParam(returnTo, UTF_8);
	}

}
