package io.github.permissionmanager;

import java.util.List;

/**
 * Thrown at startup when {@code @RequiresConnections} annotations or the connection
 * catalog cannot work: a connection that names no client registration, an unknown preset,
 * a scope its registration does not request. The message lists every problem found, one
 * per line, and the application does not start. It is an
 * {@link InvalidPermissionRulesException}, so what handles one handles both.
 */
public class InvalidConnectionsException extends InvalidPermissionRulesException {

	/**
	 * Create an exception.
	 * @param problems every problem found
	 */
	public InvalidConnectionsException(List<String> problems) {
		super("connections", problems);
	}

}
