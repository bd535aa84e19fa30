package io.github.permissionmanager.decide;

import java.util.List;

/**
 * Thrown at startup when {@code permission-manager.roles} cannot be expanded: a cycle, an
 * empty name or entry, or an entry that is neither a role nor a valid permission. The
 * message lists every problem, and the application does not start.
 */
public class InvalidRolesException extends IllegalStateException {

	private final List<String> problems;

	/**
	 * Create an exception.
	 * @param problems every problem found, one sentence each
	 */
	public InvalidRolesException(List<String> problems) {
		super("Invalid permission-manager.roles:" + String.join("",
				problems.stream().map((problem) -> System.lineSeparator() + " - " + problem).toList()));
		this.problems = List.copyOf(problems);
	}

	/**
	 * The problems found.
	 * @return the problems, one sentence each
	 */
	public List<String> getProblems() {
		return this.problems;
	}

}
