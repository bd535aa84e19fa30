package io.github.permissionmanager.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

/**
 * Real HTTP calls to an application on a loopback port, as a user with HTTP Basic
 * credentials or anonymously. By default a user's password is its name, as in the test
 * applications and the sample's demo users.
 */
public final class Http {

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final int port;

	private final UnaryOperator<String> passwords;

	/**
	 * Calls to the given port, each user's password being its name.
	 * @param port the application's port
	 */
	public Http(int port) {
		this(port, UnaryOperator.identity());
	}

	/**
	 * Calls to the given port with the given passwords.
	 * @param port the application's port
	 * @param passwords the password each user sends
	 */
	public Http(int port, UnaryOperator<String> passwords) {
		this.port = port;
		this.passwords = passwords;
	}

	/**
	 * Send a request and wait (at most 30 seconds) for the response.
	 * @param user the user, or {@code null} for an anonymous call
	 * @param method the HTTP method
	 * @param pathAndQuery the path, with its query if any
	 * @param body a JSON body, or {@code null} for none
	 * @return the response
	 */
	public HttpResponse<String> send(@Nullable String user, String method, String pathAndQuery, @Nullable String body) {
		return send(user, method, pathAndQuery, body, Map.of());
	}

	/**
	 * Send a request with headers of its own and wait (at most 30 seconds) for the
	 * response.
	 * @param user the user, or {@code null} for an anonymous call
	 * @param method the HTTP method
	 * @param pathAndQuery the path, with its query if any
	 * @param body a body, or {@code null} for none; JSON unless the headers give another
	 * {@code Content-Type}
	 * @param headers headers to send, each name with its values in order (a name with two
	 * values is sent twice)
	 * @return the response
	 */
	public HttpResponse<String> send(@Nullable String user, String method, String pathAndQuery, @Nullable String body,
			Map<String, List<String>> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + pathAndQuery))
			.timeout(Duration.ofSeconds(30))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null && headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
			request.header("Content-Type", "application/json");
		}
		headers.forEach((name, values) -> values.forEach((value) -> request.header(name, value)));
		if (user != null) {
			String credentials = user + ":" + this.passwords.apply(user);
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(method + " " + pathAndQuery, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Send a {@code GET}.
	 * @param user the user, or {@code null} for an anonymous call
	 * @param pathAndQuery the path, with its query if any
	 * @return the response
	 */
	public HttpResponse<String> get(@Nullable String user, String pathAndQuery) {
		return send(user, "GET", pathAndQuery, null);
	}

	/**
	 * Whether a response body shows the server's insides: an exception or class name, a
	 * stack frame, a JDBC URL.
	 * @param body the body
	 * @return whether it leaks
	 */
	public static boolean leaksInternals(String body) {
		return body.contains("Exception") || body.contains("\tat ") || body.contains("java.")
				|| body.contains("jakarta.") || body.contains("org.springframework") || body.contains("org.h2")
				|| body.contains("io.github.permissionmanager") || body.contains("jdbc:") || body.contains("trace")
				|| body.contains("Error:");
	}

}
