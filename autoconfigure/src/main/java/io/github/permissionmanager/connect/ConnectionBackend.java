package io.github.permissionmanager.connect;

import io.github.permissionmanager.ConnectionCredentials;
import io.github.permissionmanager.ConnectionSignedOutEvent.Revocation;

import org.springframework.security.core.Authentication;
import org.springframework.web.client.RestClient;

/**
 * The connections of one kind (OAuth2 clients, API keys): their state for a user, their
 * credentials, a client that sends them, and sign-out. Every method fails with
 * {@link io.github.permissionmanager.ConnectionUnavailableException} when it cannot
 * answer.
 */
public interface ConnectionBackend {

	/**
	 * The kind of connection this backend serves.
	 * @return the kind
	 */
	ConnectionDefinition.Kind kind();

	/**
	 * A user's connection as it is now, renewed first when its access token has expired
	 * and can be refreshed.
	 * @param connection the connection
	 * @param user the user
	 * @return its state
	 */
	ConnectionState state(ConnectionDefinition connection, Authentication user);

	/**
	 * The credentials of a connected connection.
	 * @param connection the connection
	 * @param user the user
	 * @return the credentials
	 * @throws IllegalStateException when the connection is not connected
	 */
	ConnectionCredentials credentials(ConnectionDefinition connection, Authentication user);

	/**
	 * A client that sends the credentials of a connected connection.
	 * @param connection the connection
	 * @param user the user
	 * @param builder a builder to start from
	 * @return the client
	 */
	RestClient restClient(ConnectionDefinition connection, Authentication user, RestClient.Builder builder);

	/**
	 * Revoke a user's credentials at the provider, when it can be told.
	 * @param connection the connection
	 * @param user the user
	 * @return what became of them there ({@link Revocation#NONE} when there were none)
	 */
	Revocation revoke(ConnectionDefinition connection, String user);

	/**
	 * Remove a user's stored credentials.
	 * @param connection the connection
	 * @param user the user
	 */
	void remove(ConnectionDefinition connection, String user);

}
