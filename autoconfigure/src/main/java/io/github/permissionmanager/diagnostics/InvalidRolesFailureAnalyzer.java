package io.github.permissionmanager.diagnostics;

import io.github.permissionmanager.decide.InvalidRolesException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link InvalidRolesException}: every cycle and invalid entry of
 * {@code permission-manager.roles}, and how roles are written.
 */
class InvalidRolesFailureAnalyzer extends AbstractFailureAnalyzer<InvalidRolesException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidRolesException cause) {
		StringBuilder action = new StringBuilder("Correct permission-manager.roles:");
		if (cause.getProblems().stream().anyMatch((problem) -> problem.startsWith("role cycle"))) {
			action.append(System.lineSeparator())
				.append(" - A role may include other roles, but never itself through them: remove one include of "
						+ "each cycle.");
		}
		if (cause.getProblems().stream().anyMatch((problem) -> problem.contains("empty"))) {
			action.append(System.lineSeparator()).append(" - Give every role a name and remove empty entries.");
		}
		if (cause.getProblems().stream().anyMatch((problem) -> problem.startsWith("role '"))) {
			action.append(System.lineSeparator())
				.append(" - An entry is a role name or a permission: parts separated by ':' (event:read), '*' for "
						+ "any part, ',' between alternatives.");
		}
		return new FailureAnalysis(cause.getMessage(), action.toString(), cause);
	}

}
