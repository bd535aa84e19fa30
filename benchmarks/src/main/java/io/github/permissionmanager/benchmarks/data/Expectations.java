package io.github.permissionmanager.benchmarks.data;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Checks, before anything is timed, that a contender gives the expected answer to every
 * generated check. A contender that disagrees even once is not timed: the benchmark
 * fails.
 */
public final class Expectations {

	private Expectations() {
	}

	/**
	 * Ask the contender every check and compare with the expected answers.
	 * @param contender the contender's name, for the message
	 * @param data the population the contender holds
	 * @param decide the contender's answer to the check at an index of
	 * {@link GrantData#checks()}
	 * @throws IllegalStateException when an answer differs
	 */
	public static void verify(String contender, GrantData data, IntPredicate decide) {
		List<GrantData.Check> checks = data.checks();
		List<String> wrong = new ArrayList<>();
		int allowed = 0;
		for (int i = 0; i < checks.size(); i++) {
			GrantData.Check check = checks.get(i);
			boolean answer = decide.test(i);
			if (answer != check.expected()) {
				wrong.add(check + " answered " + answer);
			}
			allowed += check.expected() ? 1 : 0;
		}
		if (!wrong.isEmpty()) {
			throw new IllegalStateException(contender + " gave " + wrong.size() + " wrong answers out of "
					+ checks.size() + ", e.g. " + wrong.subList(0, Math.min(3, wrong.size())));
		}
		// the fingerprint shows every contender of a size was asked the same checks on
		// the same grants
		System.out.printf(
				"# %s: all %d checks answered as expected (%d allowed, %d denied) on %,d grants,"
						+ " data fingerprint %08x%n",
				contender, checks.size(), allowed, checks.size() - allowed, data.size(), data.fingerprint());
	}

}
