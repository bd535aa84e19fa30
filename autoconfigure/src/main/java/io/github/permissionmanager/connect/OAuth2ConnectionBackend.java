package io.github.permissionmanager.connect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import io.github.permissionmanager.ConnectionCredentials;
import io.github.permissionmanager.ConnectionSignedOutEvent.Revocation;
import io.github.permissionmanager.ConnectionUnavailableException;
import io.github.permissionmanager.KeyLocation;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;

/**
 * OAuth2 connections: Spring Security's authorized clients, stored by the
 * {@link OAuth2AuthorizedClientService} and renewed by the
 * {@link OAuth2AuthorizedClientManager} (its refresh-token provider). A refresh the
 * provider refuses ({@code invalid_grant}: the grant was revoked there) removes the
 * client, so the user is asked to sign in again, unless another instance renewed it
 * meanwhile (the stored client then has another refresh token, and is used); any other
 * failure (the provider down, a bad answer) is a {@link ConnectionUnavailableException}.
 * Refreshes of one user's connection are serialized in this instance, so two calls do not
 * both spend a rotated refresh token.
 */
public final class OAuth2ConnectionBackend implements ConnectionBackend {

	private final OAuth2AuthorizedClientService clients;

	private final OAuth2AuthorizedClientManager manager;

	private final TokenRevoker revoker;

	private final Clock clock;

	private static final Duration RENEWAL_SKEW = Duration.ofSeconds(60);

	private final Object[] locks = new Object[64];

	/**
	 * Create a backend.
	 * @param clients stores the authorized clients
	 * @param manager authorizes (refreshes) them
	 * @param providers the client for revocation calls, with its timeouts set
	 * @param clock the clock expiry is read with
	 */
	public OAuth2ConnectionBackend(OAuth2AuthorizedClientService clients, OAuth2AuthorizedClientManager manager,
			RestClient providers, Clock clock) {
		Assert.notNull(clients, "clients cannot be null");
		Assert.notNull(manager, "manager cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.clients = clients;
		this.manager = manager;
		this.revoker = new TokenRevoker(providers);
		this.clock = clock;
		for (int i = 0; i < this.locks.length; i++) {
			this.locks[i] = new Object();
		}
	}

	@Override
	public ConnectionDefinition.Kind kind() {
		return ConnectionDefinition.Kind.OAUTH2;
	}

	@Override
	public ConnectionState state(ConnectionDefinition connection, Authentication user) {
		String registrationId = connection.registrationId();
		OAuth2AuthorizedClient stored = load(registrationId, user.getName());
		if (stored == null) {
			return ConnectionState.of(ConnectionState.Status.NOT_CONNECTED);
		}
		OAuth2AuthorizedClient client = stored;
		if (needsRenewal(stored)) {
			synchronized (this.locks[Math.floorMod((registrationId + '\0' + user.getName()).hashCode(),
					this.locks.length)]) {
				// another call may have renewed it while this one waited
				OAuth2AuthorizedClient current = load(registrationId, user.getName());
				if (current == null) {
					return ConnectionState.of(ConnectionState.Status.NOT_CONNECTED);
				}
				client = needsRenewal(current) ? authorize(current, user) : current;
			}
			if (client == null) {
				return ConnectionState.of(ConnectionState.Status.REVOKED);
			}
		}
		OAuth2AccessToken token = client.getAccessToken();
		Instant expiresAt = token.getExpiresAt();
		if (expiresAt != null && !expiresAt.isAfter(this.clock.instant())) {
			return new ConnectionState(ConnectionState.Status.EXPIRED, Set.of(), expiresAt);
		}
		return new ConnectionState(ConnectionState.Status.CONNECTED, scopes(token.getScopes()), expiresAt);
	}

	// Spring Security's refresh-token provider renews a token a minute before it expires
	private boolean needsRenewal(OAuth2AuthorizedClient client) {
		Instant expiresAt = client.getAccessToken().getExpiresAt();
		return expiresAt != null && !expiresAt.minus(RENEWAL_SKEW).isAfter(this.clock.instant());
	}

	private @Nullable OAuth2AuthorizedClient load(String registrationId, String user) {
		try {
			return this.clients.loadAuthorizedClient(registrationId, user);
		}
		catch (RuntimeException ex) {
			throw new ConnectionUnavailableException(
					"The stored client of '" + registrationId + "' could not be read for " + user, ex);
		}
	}

	private @Nullable OAuth2AuthorizedClient authorize(OAuth2AuthorizedClient client, Authentication user) {
		String registrationId = client.getClientRegistration().getRegistrationId();
		try {
			OAuth2AuthorizedClient authorized = this.manager
				.authorize(OAuth2AuthorizeRequest.withAuthorizedClient(client).principal(user).build());
			return (authorized != null) ? authorized : client;
		}
		catch (ClientAuthorizationException ex) {
			String code = ex.getError().getErrorCode();
			if (OAuth2ErrorCodes.INVALID_GRANT.equals(code) || OAuth2ErrorCodes.INVALID_TOKEN.equals(code)) {
				// another instance may have renewed it first, spending the refresh token
				// this one sent: its client is the user's connection now
				OAuth2AuthorizedClient stored = load(registrationId, user.getName());
				if (stored != null && !refreshToken(stored).equals(refreshToken(client))) {
					return stored;
				}
				// the provider ended the grant: forget it, so the user signs in again
				this.clients.removeAuthorizedClient(registrationId, user.getName());
				return null;
			}
			throw new ConnectionUnavailableException("Could not renew '" + registrationId + "' for " + user.getName()
					+ ": the provider answered " + code, ex);
		}
		catch (RuntimeException ex) {
			throw new ConnectionUnavailableException(
					"Could not renew '" + registrationId + "' for " + user.getName() + ": " + ex.getClass().getName(),
					ex);
		}
	}

	private static String refreshToken(OAuth2AuthorizedClient client) {
		return (client.getRefreshToken() != null) ? client.getRefreshToken().getTokenValue() : "";
	}

	// Providers that answer "a,b" (Slack) instead of RFC 6749's "a b" are read alike
	private static Set<String> scopes(Set<String> granted) {
		Set<String> scopes = new LinkedHashSet<>();
		for (String scope : granted) {
			for (String part : scope.split("[\\s,]+")) {
				if (!part.isEmpty()) {
					scopes.add(part);
				}
			}
		}
		return scopes;
	}

	@Override
	public ConnectionCredentials credentials(ConnectionDefinition connection, Authentication user) {
		OAuth2AuthorizedClient client = load(connection.registrationId(), user.getName());
		if (client == null) {
			throw new IllegalStateException(connection.name() + " is not connected for " + user.getName());
		}
		OAuth2AccessToken token = client.getAccessToken();
		return new ConnectionCredentials(connection.name(), token.getTokenValue(), "Authorization", KeyLocation.HEADER,
				token.getTokenType().getValue() + " ", token.getExpiresAt());
	}

	@Override
	public RestClient restClient(ConnectionDefinition connection, Authentication user, RestClient.Builder builder) {
		OAuth2ClientHttpRequestInterceptor interceptor = new OAuth2ClientHttpRequestInterceptor(this.manager);
		String registrationId = connection.registrationId();
		interceptor.setClientRegistrationIdResolver((request) -> registrationId);
		interceptor.setPrincipalResolver((request) -> user);
		// a token the service refuses as invalid is forgotten, as a refused refresh is
		interceptor.setAuthorizationFailureHandler(
				OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(this.clients));
		return builder.requestInterceptor(interceptor).build();
	}

	@Override
	public Revocation revoke(ConnectionDefinition connection, String user) {
		OAuth2AuthorizedClient client = load(connection.registrationId(), user);
		if (client == null) {
			return Revocation.NONE;
		}
		String uri = connection.revocationUri();
		if (uri == null) {
			// a provider configured from its issuer publishes it in its metadata
			Object published = client.getClientRegistration()
				.getProviderDetails()
				.getConfigurationMetadata()
				.get("revocation_endpoint");
			uri = (published != null) ? published.toString() : null;
		}
		return (uri != null) ? this.revoker.revoke(client, uri) : Revocation.NOT_SUPPORTED;
	}

	@Override
	public void remove(ConnectionDefinition connection, String user) {
		this.clients.removeAuthorizedClient(connection.registrationId(), user);
	}

}
