package io.github.permissionmanager.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

/**
 * Real HTTP calls on loopback, with HTTP Basic credentials (the password is the user
 * name).
 */
final class Http {

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final int port;

	Http(int port) {
		this.port = port;
	}

	HttpResponse<String> send(@Nullable String user, String method, String path, @Nullable String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (user != null) {
			String credentials = Base64.getEncoder()
				.encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
			request.header("Authorization", "Basic " + credentials);
		}
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	HttpResponse<String> get(@Nullable String user, String path) {
		return send(user, "GET", path, null);
	}

	/**
	 * Whether a response body shows the server's insides: an exception or class name, a
	 * stack frame, a JDBC URL.
	 * @param body the body
	 * @return whether it leaks
	 */
	static boolean leaksInternals(String body) {
		return body.contains("Exception") || body.contains("\tat ") || body.contains("java.")
				|| body.contains("jakarta.") || body.contains("org.springframework") || body.contains("org.h2")
				|| body.contains("io.github.permissionmanager") || body.contains("jdbc:") || body.contains("trace")
				|| body.contains("Error:");
	}

}
