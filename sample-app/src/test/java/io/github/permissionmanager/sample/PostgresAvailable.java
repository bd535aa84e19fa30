package io.github.permissionmanager.sample;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only when PostgreSQL answers on 127.0.0.1:5432. When it does not, the
 * class is skipped with a printed reason, except in CI ({@code CI=true}), where that is a
 * failure: CI has the server, so a silent skip would hide a broken suite.
 */
final class PostgresAvailable implements ExecutionCondition {

	private static final String HOST = "127.0.0.1";

	private static final int PORT = 5432;

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (answers()) {
			return ConditionEvaluationResult.enabled("PostgreSQL answers on " + HOST + ":" + PORT);
		}
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException("PostgreSQL does not answer on " + HOST + ":" + PORT
					+ " and CI=true: the postgres profile suite must run in CI");
		}
		String reason = "Skipping " + context.getDisplayName() + ": PostgreSQL does not answer on " + HOST + ":" + PORT
				+ " (with CI=true this fails instead)";
		System.out.println(reason);
		return ConditionEvaluationResult.disabled(reason);
	}

	private static boolean answers() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(HOST, PORT), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
