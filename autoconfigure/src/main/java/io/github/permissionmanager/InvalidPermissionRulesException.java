package io.github.permissionmanager;

import java.util.List;

/**
 * Thrown at startup when {@code @RequiresPermissions} annotations or rules cannot work;
 * the message lists every problem found, one per line, and the application does not
 * start.
 */
public class InvalidPermissionRulesException extends IllegalStateException {

	private final List<String> problems;

	/**
	 * Create an exception.
	 * @param problems every problem found
	 */
	public InvalidPermissionRulesException(List<String> problems) {
		this("@RequiresPermissions rules", problems);
	}

	/**
	 * Create an exception about other startup checks of Permission Manager.
	 * @param checked what was checked, as the message names it
	 * @param problems every problem found
	 */
	protected InvalidPermissionRulesException(String checked, List<String> problems) {
		super(message(checked, problems));
		this.problems = List.copyOf(problems);
	}

	/**
	 * The problems found.
	 * @return the problems, one sentence each
	 */
	public List<String> getProblems() {
		return this.problems;
	}

	private static String message(String checked, List<String> problems) {
		StringBuilder message = new StringBuilder("Permission Manager found ").append(problems.size())
			.append((problems.size() == 1) ? " problem" : " problems")
			.append(" in ")
			.append(checked)
			.append(':');
		problems.forEach((problem) -> message.append(System.lineSeparator()).append(" - ").append(problem));
		return message.toString();
	}

}
