package io.github.permissionmanager.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * A test whose server does not answer fails in CI and is skipped, with its reason,
 * elsewhere; one whose server answers runs.
 */
class ServerConditionTests {

	private static final String NOBODY = "jdbc:postgresql://127.0.0.1:1/test?connectTimeout=2";

	@Test
	void unreachableServerInCiFailsLoudly() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ServerCondition.evaluate("Unreachable test server", NOBODY,
					() -> Server.connect(NOBODY, "postgres", ""), "the Unreachable test server store suite", true))
			.withMessageContaining("Unreachable test server at " + NOBODY + " does not answer")
			.withMessageContaining("CI=true, so the Unreachable test server store suite must run");
	}

	@Test
	void unreachableServerOutsideCiSkipsWithTheReason() {
		ConditionEvaluationResult result = ServerCondition.evaluate("Unreachable test server", NOBODY,
				() -> Server.connect(NOBODY, "postgres", ""), "the Unreachable test server store suite", false);

		assertThat(result.isDisabled()).isTrue();
		assertThat(result.getReason()).hasValueSatisfying(
				(reason) -> assertThat(reason).contains("Unreachable test server at " + NOBODY + " does not answer"));
	}

	@Test
	void answeringServerRunsTheTestInCiAndElsewhere() {
		assertThat(ServerCondition.evaluate("Test server", "here", () -> {
		}, "a test", true).isDisabled()).isFalse();
		assertThat(ServerCondition.evaluate("Test server", "here", () -> {
		}, "a test", false).isDisabled()).isFalse();
	}

	@Test
	void redisProbeWantsAPongNotJustAnOpenPort() throws Exception {
		try (ServerSocket notRedis = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			CompletableFuture<Void> answering = CompletableFuture.runAsync(() -> answerOnce(notRedis, "-ERR no\r\n"));
			assertThatIOException().isThrownBy(() -> Server.ping("127.0.0.1", notRedis.getLocalPort()))
				.withMessage("no PONG");
			answering.join();
		}
	}

	@Test
	void redisProbeAcceptsAPong() throws Exception {
		try (ServerSocket redis = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			CompletableFuture<Void> answering = CompletableFuture.runAsync(() -> answerOnce(redis, "+PONG\r\n"));
			Server.ping("127.0.0.1", redis.getLocalPort());
			answering.join();
		}
	}

	private static void answerOnce(ServerSocket server, String answer) {
		try (Socket socket = server.accept(); OutputStream out = socket.getOutputStream()) {
			socket.getInputStream().readNBytes(6);
			out.write(answer.getBytes(StandardCharsets.US_ASCII));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
