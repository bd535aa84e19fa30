package io.github.permissionmanager.reliability;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

/**
 * A Redis server of the test's own, on a random port, that the test can stop and start
 * again on the same port (the shared one on 6379 is never touched). Needs the
 * {@code redis-server} binary: without it the test fails in CI ({@code CI=true}) and is
 * skipped elsewhere with the reason printed.
 */
final class PrivateRedis implements AutoCloseable {

	private final String binary;

	private final int port;

	private final Path log;

	private @Nullable Process process;

	private PrivateRedis(String binary, int port) throws IOException {
		this.binary = binary;
		this.port = port;
		this.log = Files.createTempFile("private-redis-" + port + "-", ".log");
	}

	static PrivateRedis start(String test) throws IOException {
		String binary = findBinary();
		if (binary == null) {
			String reason = "redis-server is not on the PATH";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new AssertionError(reason + "; CI=true, so " + test + " must run");
			}
			System.out.println("SKIPPED " + test + ": " + reason + " (set CI=true to make this fail)");
			Assumptions.abort(reason);
		}
		PrivateRedis redis = new PrivateRedis(binary, freePort());
		redis.startAgain();
		return redis;
	}

	int port() {
		return this.port;
	}

	/**
	 * Kill the server (SIGKILL, as a crash), and wait until it is gone.
	 */
	void stop() throws InterruptedException {
		Process running = this.process;
		this.process = null;
		if (running != null) {
			running.destroyForcibly();
			if (!running.waitFor(10, TimeUnit.SECONDS)) {
				throw new IllegalStateException("redis-server on port " + this.port + " did not stop");
			}
		}
	}

	/**
	 * Start the server on the same port, and wait until it answers.
	 */
	void startAgain() throws IOException {
		if (this.process != null) {
			return;
		}
		this.process = new ProcessBuilder(this.binary, "--port", Integer.toString(this.port), "--bind", "127.0.0.1",
				"--save", "", "--appendonly", "no", "--daemonize", "no")
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
			.start();
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!answers(this.port)) {
			if (System.nanoTime() > deadline || !this.process.isAlive()) {
				throw new IllegalStateException("redis-server did not answer on port " + this.port + ": "
						+ Files.readString(this.log, StandardCharsets.UTF_8));
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	@Override
	public void close() throws InterruptedException {
		stop();
		try {
			Files.deleteIfExists(this.log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static boolean answers(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			socket.setSoTimeout(1000);
			socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			byte[] answer = new byte[5];
			int read = socket.getInputStream().read(answer);
			return read == 5 && new String(answer, StandardCharsets.US_ASCII).equals("+PONG");
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static @Nullable String findBinary() {
		String path = System.getenv("PATH");
		for (String directory : ((path != null) ? path : "/usr/bin:/usr/local/bin").split(File.pathSeparator)) {
			File candidate = new File(directory, "redis-server");
			if (candidate.canExecute()) {
				return candidate.getAbsolutePath();
			}
		}
		return null;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
