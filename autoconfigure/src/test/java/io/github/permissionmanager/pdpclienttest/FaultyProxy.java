package io.github.permissionmanager.pdpclienttest;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands between the client application and the decision point on a random loopback port,
 * and misbehaves on demand: forwards, answers slowly, answers 500, answers something that
 * is not a decision, or is stopped (nothing listens) and started again. Counts the
 * requests it forwards.
 */
final class FaultyProxy implements AutoCloseable {

	enum Mode {

		FORWARD, SLOW, ERROR, GARBAGE, HALF_ANSWER,

		/**
		 * A 307 to the decision point itself, which would answer if the client followed
		 * it (with the request's credentials).
		 */
		REDIRECT

	}

	private final URI target;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final AtomicInteger forwarded = new AtomicInteger();

	private volatile Mode mode = Mode.FORWARD;

	private volatile String userAgent = "";

	private HttpServer server;

	private final int port;

	FaultyProxy(URI target) throws IOException {
		this.target = target;
		this.server = start(0);
		this.port = this.server.getAddress().getPort();
	}

	String url() {
		return "http://127.0.0.1:" + this.port;
	}

	void mode(Mode mode) {
		this.mode = mode;
	}

	String userAgent() {
		return this.userAgent;
	}

	int forwarded() {
		return this.forwarded.get();
	}

	void stop() {
		this.server.stop(0);
	}

	void restart() throws IOException {
		this.server = start(this.port);
	}

	private HttpServer start(int port) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		server.setExecutor(Executors.newFixedThreadPool(4));
		server.createContext("/", this::handle);
		server.start();
		return server;
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body = exchange.getRequestBody().readAllBytes();
			this.userAgent = String.valueOf(exchange.getRequestHeaders().getFirst("User-Agent"));
			switch (this.mode) {
				case SLOW -> {
					sleep(Duration.ofSeconds(4));
					respond(exchange, 200, "{\"allowed\":true,\"reason\":\"allowed\",\"missing\":[]}");
				}
				case ERROR -> respond(exchange, 500, "{\"error\":\"boom\"}");
				case GARBAGE -> respond(exchange, 200, "<html>maintenance</html>");
				case HALF_ANSWER -> respond(exchange, 200, "{\"reason\":\"allowed\",\"missing\":[]}");
				case REDIRECT -> {
					exchange.getResponseHeaders()
						.add("Location", this.target.resolve(exchange.getRequestURI().getRawPath()).toString());
					respond(exchange, 307, "{}");
				}
				case FORWARD -> forward(exchange, body);
			}
		}
	}

	private void forward(HttpExchange exchange, byte[] body) throws IOException {
		this.forwarded.incrementAndGet();
		HttpRequest.Builder request = HttpRequest.newBuilder(this.target.resolve(exchange.getRequestURI().getRawPath()))
			.method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
		exchange.getRequestHeaders().forEach((name, values) -> {
			if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")
					&& !name.equalsIgnoreCase("Connection")) {
				values.forEach((value) -> request.header(name, value));
			}
		});
		try {
			HttpResponse<byte[]> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			exchange.getResponseHeaders()
				.add("Content-Type", response.headers().firstValue("Content-Type").orElse("application/json"));
			exchange.sendResponseHeaders(response.statusCode(), response.body().length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(response.body());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			respond(exchange, 502, "");
		}
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
