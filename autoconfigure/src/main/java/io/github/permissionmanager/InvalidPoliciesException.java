package io.github.permissionmanager;

import java.util.List;

/**
 * Thrown at startup when policies given in configuration cannot work: a user or resource
 * set ({@code permission-manager.user-sets}, {@code permission-manager.resource-sets})
 * whose condition does not parse or reads what it may not, or a static grant
 * ({@code permission-manager.static-grants}) that is invalid or names a set that is not
 * configured or is about another resource type. The message lists every problem found,
 * one per line, and the application does not start. It is an
 * {@link InvalidPermissionRulesException}, so what handles one handles both.
 */
public class InvalidPoliciesException extends InvalidPermissionRulesException {

	/**
	 * Create an exception.
	 * @param problems every problem found
	 */
	public InvalidPoliciesException(List<String> problems) {
		super("policies", problems);
	}

}
