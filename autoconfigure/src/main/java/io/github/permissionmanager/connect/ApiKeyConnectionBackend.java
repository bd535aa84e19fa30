package io.github.permissionmanager.connect;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import io.github.permissionmanager.ConnectionCredentials;
import io.github.permissionmanager.ConnectionSignedOutEvent.Revocation;
import io.github.permissionmanager.ConnectionUnavailableException;
import io.github.permissionmanager.KeyLocation;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.support.HttpRequestWrapper;
import org.springframework.security.core.Authentication;
import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * API-key connections: a key the user handed over, stored encrypted, sent where the
 * catalog entry says ({@code key-name}, {@code key-location}, {@code key-prefix}): a
 * client of {@link #restClient} sends it as a header, a query parameter, or a field of
 * the request's form or JSON object body ({@link BodyKeyInterceptor}). A key past its
 * expiry is expired; there is nothing to revoke at the provider.
 */
public final class ApiKeyConnectionBackend implements ConnectionBackend {

	private final JdbcApiKeys keys;

	private final Clock clock;

	/**
	 * Create a backend.
	 * @param keys the stored keys
	 * @param clock the clock expiry is read with
	 */
	public ApiKeyConnectionBackend(JdbcApiKeys keys, Clock clock) {
		Assert.notNull(keys, "keys cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.keys = keys;
		this.clock = clock;
	}

	@Override
	public ConnectionDefinition.Kind kind() {
		return ConnectionDefinition.Kind.API_KEY;
	}

	@Override
	public ConnectionState state(ConnectionDefinition connection, Authentication user) {
		JdbcApiKeys.StoredKey key = find(connection, user.getName());
		if (key == null) {
			return ConnectionState.of(ConnectionState.Status.NOT_CONNECTED);
		}
		if (key.expiresAt() != null && !key.expiresAt().isAfter(this.clock.instant())) {
			return new ConnectionState(ConnectionState.Status.EXPIRED, Set.of(), key.expiresAt());
		}
		return new ConnectionState(ConnectionState.Status.CONNECTED, Set.of(), key.expiresAt());
	}

	private JdbcApiKeys.@Nullable StoredKey find(ConnectionDefinition connection, String user) {
		try {
			return this.keys.find(connection.name(), user);
		}
		catch (RuntimeException ex) {
			throw new ConnectionUnavailableException(
					"The API key of '" + connection.name() + "' could not be read for " + user, ex);
		}
	}

	@Override
	public ConnectionCredentials credentials(ConnectionDefinition connection, Authentication user) {
		JdbcApiKeys.StoredKey key = find(connection, user.getName());
		ConnectionDefinition.ApiKey settings = connection.apiKey();
		if (key == null || settings == null) {
			throw new IllegalStateException(connection.name() + " is not connected for " + user.getName());
		}
		return new ConnectionCredentials(connection.name(), key.value(), settings.keyName(), settings.location(),
				settings.prefix(), key.expiresAt());
	}

	@Override
	public RestClient restClient(ConnectionDefinition connection, Authentication user, RestClient.Builder builder) {
		ConnectionCredentials credentials = credentials(connection, user);
		if (credentials.location() == KeyLocation.HEADER) {
			return builder.defaultHeader(credentials.name(), credentials.prefixedValue()).build();
		}
		if (credentials.location() == KeyLocation.QUERY) {
			return builder
				.requestInterceptor((request, body, execution) -> execution
					.execute(withQueryParameter(request, credentials.name(), credentials.prefixedValue()), body))
				.build();
		}
		// written into each request's form or JSON object body, or the request is refused
		return builder
			.requestInterceptor(
					new BodyKeyInterceptor(connection.name(), credentials.name(), credentials.prefixedValue()))
			.build();
	}

	private static HttpRequest withQueryParameter(HttpRequest request, String name, String value) {
		URI uri = UriComponentsBuilder.fromUri(request.getURI())
			.queryParam(UriUtils.encodeQueryParam(name, StandardCharsets.UTF_8),
					UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8))
			.build(true)
			.toUri();
		return new HttpRequestWrapper(request) {

			@Override
			public URI getURI() {
				return uri;
			}

		};
	}

	@Override
	public Revocation revoke(ConnectionDefinition connection, String user) {
		return (find(connection, user) != null) ? Revocation.NOT_SUPPORTED : Revocation.NONE;
	}

	@Override
	public void remove(ConnectionDefinition connection, String user) {
		this.keys.remove(connection.name(), user);
	}

	void save(ConnectionDefinition connection, String user, String key, @Nullable Instant expiresAt) {
		this.keys.save(connection.name(), user, key, expiresAt);
	}

}
