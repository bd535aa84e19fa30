package io.github.permissionmanager;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.web.client.RestClient;

/**
 * The current user's connections to external services, as the connection catalog
 * ({@code permission-manager.connections.catalog}) and Spring Security's client
 * registrations define them. Every method acts for the authenticated user of the current
 * thread and throws {@link AuthenticationRequiredException} when there is none.
 */
public interface Connections {

	/**
	 * Whether a connection is usable now: connected, with the catalog entry's scopes, its
	 * access token valid (refreshed first when it has expired).
	 * @param connection the connection's name
	 * @return whether it is available
	 * @throws ConnectionUnavailableException when it cannot be told (the provider or the
	 * store does not answer)
	 */
	boolean isAvailable(String connection);

	/**
	 * The names of the catalog's connections that are usable now.
	 * @return the available connections
	 */
	Set<String> available();

	/**
	 * The credentials to send to the service.
	 * @param connection the connection's name
	 * @return the access token or API key, with where it goes
	 * @throws ConnectionRequiredException when the connection is not available
	 * @throws ConnectionUnavailableException when it cannot be told
	 */
	ConnectionCredentials credentials(String connection);

	/**
	 * A {@link RestClient} that sends the connection's credentials with every request: an
	 * OAuth2 access token through Spring Security's
	 * {@code OAuth2ClientHttpRequestInterceptor} (refreshed when it expires), an API key
	 * as a header, a query parameter or a field of the request body. An API key that goes
	 * in the body is added to a form ({@code application/x-www-form-urlencoded}) or a
	 * JSON object body (with Jackson); a request of the client without such a body, or
	 * whose body already has a field of the key's name, is refused before it is sent with
	 * a {@link ConnectionCredentialsException} (over HTTP: 503).
	 * @param connection the connection's name
	 * @return the client
	 * @throws ConnectionRequiredException when the connection is not available
	 * @throws ConnectionUnavailableException when it cannot be told
	 */
	RestClient restClient(String connection);

	/**
	 * Store an API key for an API-key connection, encrypted. Replaces the previous one.
	 * @param connection the connection's name
	 * @param key the key
	 * @param expiresAt when the key stops working, or {@code null} for the catalog
	 * entry's {@code expiration} from now (none when it has none)
	 */
	void connectApiKey(String connection, String key, @Nullable Instant expiresAt);

	/**
	 * Sign out of a connection: revoke the token at the provider when it has a revocation
	 * endpoint (RFC 7009), remove the stored credentials, write an audit row and publish
	 * a {@link ConnectionSignedOutEvent}. The credentials are removed even when the
	 * provider cannot be told, or they cannot be read to tell it (then the revocation is
	 * {@code FAILED}).
	 * @param connection the connection's name
	 * @return the event that was published
	 */
	ConnectionSignedOutEvent signOut(String connection);

}
