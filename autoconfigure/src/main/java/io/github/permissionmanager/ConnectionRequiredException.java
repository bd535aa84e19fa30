package io.github.permissionmanager;

import java.util.List;

import org.springframework.security.access.AccessDeniedException;

/**
 * Thrown before a {@link RequiresConnections} method runs when the current user lacks a
 * required connection, or a scope of one. Over HTTP the answer is a 403 problem with
 * {@code missingConnections} (each with its {@code signInUrl}); outside HTTP the caller
 * sees this exception and the method has not run.
 * <p>
 * It is a Spring Security {@link AccessDeniedException}, so code that already handles
 * those keeps working.
 */
public class ConnectionRequiredException extends AccessDeniedException {

	private final List<MissingConnection> missingConnections;

	/**
	 * Create an exception.
	 * @param message what was missing (shown in logs, never to the client)
	 * @param missingConnections the missing connections, at least one
	 */
	public ConnectionRequiredException(String message, List<MissingConnection> missingConnections) {
		super(message);
		this.missingConnections = List.copyOf(missingConnections);
	}

	/**
	 * The connections that are missing.
	 * @return the connections, in the order the annotation names them
	 */
	public List<MissingConnection> getMissingConnections() {
		return this.missingConnections;
	}

}
