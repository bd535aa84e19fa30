package io.github.permissionmanager;

/**
 * Thrown by a {@link Connections#restClient(String) connection's client} before a request
 * leaves, when the credentials cannot go where the catalog says: an API key that goes in
 * the request body, and a request without a form or JSON object body, or whose body
 * already has a field of the key's name. Nothing is sent. Like every failure to use a
 * connection it is a {@link ConnectionUnavailableException} (over HTTP: 503, never 500);
 * its message says what to change.
 */
public class ConnectionCredentialsException extends ConnectionUnavailableException {

	/**
	 * Create an exception.
	 * @param message why the credentials could not be sent (shown in logs, never to the
	 * client)
	 */
	public ConnectionCredentialsException(String message) {
		super(message);
	}

}
