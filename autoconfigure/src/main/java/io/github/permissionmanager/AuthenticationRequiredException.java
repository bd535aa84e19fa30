package io.github.permissionmanager;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/**
 * Thrown before a guarded method runs when there is no authenticated (non-anonymous)
 * user; over HTTP the answer is 401.
 */
public class AuthenticationRequiredException extends AuthenticationCredentialsNotFoundException {

	/**
	 * Create an exception.
	 * @param message what needed authentication (shown in logs, never to the client)
	 */
	public AuthenticationRequiredException(String message) {
		super(message);
	}

}
