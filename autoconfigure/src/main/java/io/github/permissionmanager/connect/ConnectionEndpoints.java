package io.github.permissionmanager.connect;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.permissionmanager.ConnectionSignedOutEvent;
import io.github.permissionmanager.ConnectionUnavailableException;
import io.github.permissionmanager.Connections;
import io.github.permissionmanager.PermissionContextException;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.util.Assert;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The connection endpoints of the current user, under
 * {@code permission-manager.connections.endpoint} ({@code /connections}):
 * <ul>
 * <li>{@code GET /connections}: every catalog entry, whether it is connected, and where
 * to sign in;</li>
 * <li>{@code DELETE /connections/{name}}: sign out (revoke at the provider, remove,
 * audit, event);</li>
 * <li>{@code POST /connections/{name}} with a form field {@code key} (and optionally
 * {@code expires-at}, an ISO-8601 instant): hand over an API key.</li>
 * </ul>
 * Refusals are the usual problems: 401 without a user, 404 for an unknown connection, 400
 * for a missing key, 503 when the store or the provider fails.
 */
public final class ConnectionEndpoints {

	private final ConnectionCatalog catalog;

	private final ConnectionChecker checker;

	private final Connections connections;

	/**
	 * Create the endpoints.
	 * @param catalog the connections
	 * @param checker checks them
	 * @param connections signs out and stores API keys
	 */
	public ConnectionEndpoints(ConnectionCatalog catalog, ConnectionChecker checker, Connections connections) {
		Assert.notNull(catalog, "catalog cannot be null");
		Assert.notNull(checker, "checker cannot be null");
		Assert.notNull(connections, "connections cannot be null");
		this.catalog = catalog;
		this.checker = checker;
		this.connections = connections;
	}

	/**
	 * The routes.
	 * @param path the base path
	 * @return the router function
	 */
	public RouterFunction<ServerResponse> routes(String path) {
		return RouterFunctions.route()
			.GET(path, (request) -> ServerResponse.ok().body(list()))
			.DELETE(path + "/{name}", this::signOut)
			.POST(path + "/{name}", this::apiKey)
			.build();
	}

	private List<Map<String, Object>> list() {
		Authentication user = this.checker.user("GET connections");
		CurrentRequest request = CurrentRequest.get();
		List<Map<String, Object>> list = new ArrayList<>();
		for (String name : this.catalog.names()) {
			ConnectionDefinition connection = this.checker.definition(name);
			ConnectionState state;
			try {
				state = this.checker.state(connection, user);
			}
			catch (ConnectionUnavailableException ex) {
				// one provider down does not hide the others
				Map<String, Object> unavailable = new LinkedHashMap<>();
				unavailable.put("name", name);
				unavailable.put("status", "unavailable");
				list.add(unavailable);
				continue;
			}
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("name", name);
			entry.put("type", (connection.kind() == ConnectionDefinition.Kind.API_KEY) ? "api-key" : "oauth2");
			entry.put("status", state.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
			if (state.connected()) {
				entry.put("scopes", List.copyOf(state.grantedScopes()));
			}
			else {
				entry.put("signInUrl", this.checker.signInUrl(connection,
						(request != null) ? new CurrentRequest(request.contextPath(), null) : null));
			}
			putIfSet(entry, "description", connection.catalog().description());
			putIfSet(entry, "usage", connection.catalog().usage());
			putIfSet(entry, "dataManagement", connection.catalog().dataManagement());
			list.add(entry);
		}
		return list;
	}

	private ServerResponse signOut(ServerRequest request) {
		this.checker.user("DELETE connections");
		String name = known(request.pathVariable("name"));
		ConnectionSignedOutEvent event = this.connections.signOut(name);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("connection", name);
		body.put("signedOut", event.wasConnected());
		body.put("revocation", event.revocation().name().toLowerCase(Locale.ROOT).replace('_', '-'));
		return ServerResponse.ok().body(body);
	}

	private ServerResponse apiKey(ServerRequest request) {
		this.checker.user("POST connections");
		String name = known(request.pathVariable("name"));
		if (this.checker.definition(name).kind() != ConnectionDefinition.Kind.API_KEY) {
			throw invalid("'" + name + "' is not an API-key connection");
		}
		List<String> keys = request.params().getOrDefault("key", List.of());
		if (keys.size() != 1 || keys.get(0).isBlank()) {
			throw new PermissionContextException(PermissionContextException.Reason.MISSING_VALUE, null,
					"one form field 'key' is needed");
		}
		this.connections.connectApiKey(name, keys.get(0), expiresAt(request.params().getFirst("expires-at")));
		return ServerResponse.noContent().build();
	}

	private static @Nullable Instant expiresAt(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw invalid("expires-at must be an ISO-8601 instant");
		}
	}

	private String known(String name) {
		if (this.catalog.find(name) == null) {
			throw new PermissionContextException(PermissionContextException.Reason.NOT_FOUND, null,
					"No connection '" + name + "'");
		}
		return name;
	}

	private static PermissionContextException invalid(String message) {
		return new PermissionContextException(PermissionContextException.Reason.INVALID_VALUE, null, message);
	}

	private static void putIfSet(Map<String, Object> entry, String key, @Nullable String value) {
		if (value != null) {
			entry.put(key, value);
		}
	}

}
