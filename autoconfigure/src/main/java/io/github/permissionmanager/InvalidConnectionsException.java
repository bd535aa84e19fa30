package io.github.permissionmanager;

import java.util.List;

/**
 * Thrown at startup when {@code @RequiresConnections} annotations or the connection
 * catalog cannot work: a connection that names no client registration, an unknown preset,
 * a scope its registration does not request. The message lists every problem found, one
 * per line, and the application does not start.
 */
public class InvalidConnectionsException extends IllegalStateException {

	private final List<String> problems;

	/**
	 * Create an exception.
	 * @param problems every problem found
	 */
	public InvalidConnectionsException(List<String> problems) {
		super(message(problems));
		this.problems = List.copyOf(problems);
	}

	/**
	 * The problems found.
	 * @return the problems, one sentence each
	 */
	public List<String> getProblems() {
		return this.problems;
	}

	private static String message(List<String> problems) {
		StringBuilder message = new StringBuilder("Permission Manager found ").append(problems.size())
			.append((problems.size() == 1) ? " problem" : " problems")
			.append(" in connections:");
		problems.forEach((problem) -> message.append(System.lineSeparator()).append(" - ").append(problem));
		return message.toString();
	}

}
