package io.github.permissionmanager;

/**
 * Thrown when a connection cannot be checked or used: the provider does not answer, a
 * refresh fails for another reason than a revoked grant, the stored credentials cannot be
 * read or decrypted. The method does not run; over HTTP the answer is 503.
 */
public class ConnectionUnavailableException extends PermissionEvaluationException {

	/**
	 * Create an exception.
	 * @param message what could not be done (shown in logs, never to the client)
	 * @param cause the failure
	 */
	public ConnectionUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

	/**
	 * Create an exception without a cause.
	 * @param message what could not be done (shown in logs, never to the client)
	 */
	public ConnectionUnavailableException(String message) {
		super(message);
	}

}
