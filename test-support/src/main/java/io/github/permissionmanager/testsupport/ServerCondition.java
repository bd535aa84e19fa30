package io.github.permissionmanager.testsupport;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The condition behind {@link RequiresServer @RequiresServer}: asks each server once per
 * run (the answer is kept in the root context), then runs the test, skips it with the
 * reason printed, or, with {@code CI=true}, fails it naming the server.
 */
public final class ServerCondition implements ExecutionCondition {

	private static final ExtensionContext.Namespace ANSWERS = ExtensionContext.Namespace.create(ServerCondition.class);

	/**
	 * A question put to a server.
	 */
	@FunctionalInterface
	public interface Probe {

		/**
		 * Ask the server.
		 * @throws Exception why it does not answer
		 */
		void ask() throws Exception;

	}

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		Optional<RequiresServer> required = AnnotationSupport.findAnnotation(context.getElement(),
				RequiresServer.class);
		if (required.isEmpty()) {
			return ConditionEvaluationResult.enabled("needs no server");
		}
		boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
		for (Server server : required.get().value()) {
			Answer answer = context.getRoot()
				.getStore(ANSWERS)
				.computeIfAbsent(server, (key) -> Answer.of(server::probe), Answer.class);
			ConditionEvaluationResult result = evaluate(server.title(), server.url(), answer, name(context), ci);
			if (result.isDisabled()) {
				return result;
			}
		}
		return ConditionEvaluationResult.enabled("its servers answer");
	}

	/**
	 * Whether a test runs given a server's answer: it runs when the server answered; when
	 * not, it fails with {@code ci} and is skipped, with the reason printed, otherwise.
	 * @param server the server's name
	 * @param address where it is
	 * @param probe the question that tells whether it answers
	 * @param test the test that needs it, for the message
	 * @param ci whether this is a CI run
	 * @return whether the test runs
	 * @throws AssertionError when the server does not answer in a CI run
	 */
	public static ConditionEvaluationResult evaluate(String server, String address, Probe probe, String test,
			boolean ci) {
		return evaluate(server, address, Answer.of(probe), test, ci);
	}

	private static ConditionEvaluationResult evaluate(String server, String address, Answer answer, String test,
			boolean ci) {
		Exception failure = answer.failure();
		if (failure == null) {
			return ConditionEvaluationResult.enabled(server + " answers at " + address);
		}
		String reason = server + " at " + address + " does not answer (" + failure.getMessage() + ")";
		if (ci) {
			throw new AssertionError(reason + "; CI=true, so " + test + " must run", failure);
		}
		System.out.println("SKIPPED " + test + " on " + server + ": " + reason + " (set CI=true to make this fail)");
		return ConditionEvaluationResult.disabled(reason);
	}

	private static String name(ExtensionContext context) {
		String type = context.getRequiredTestClass().getSimpleName();
		return context.getTestMethod().map((method) -> type + "." + method.getName()).orElse(type);
	}

	private record Answer(@Nullable Exception failure) {

		static Answer of(Probe probe) {
			try {
				probe.ask();
				return new Answer(null);
			}
			catch (Exception ex) {
				return new Answer(ex);
			}
		}

	}

}
