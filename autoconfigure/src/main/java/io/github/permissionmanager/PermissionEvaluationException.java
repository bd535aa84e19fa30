package io.github.permissionmanager;

/**
 * Thrown when a decision could not be made: the evaluator or the grant store failed or
 * timed out. The protected method does not run; over HTTP the answer is 503.
 */
public class PermissionEvaluationException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param message what could not be decided (shown in logs, never to the client)
	 * @param cause the failure
	 */
	public PermissionEvaluationException(String message, Throwable cause) {
		super(message, cause);
	}

	/**
	 * Create an exception.
	 * @param message what could not be decided (shown in logs, never to the client)
	 */
	public PermissionEvaluationException(String message) {
		super(message);
	}

}
