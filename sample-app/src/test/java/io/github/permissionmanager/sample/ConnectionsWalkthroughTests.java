package io.github.permissionmanager.sample;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.permissionmanager.sample.ReadmeWalkthrough.Curl;
import io.github.permissionmanager.sample.ReadmeWalkthrough.Step;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays the README's "Try connections" walkthrough against the sample in its
 * {@code demo} profile, over real HTTP, and expects exactly the output the README shows:
 * no connection, sign in through the stand-in provider (following the redirects, a cookie
 * jar per file as curl keeps one), the call runs, sign out, refused again. The provider's
 * URLs name the sample's own port, so the port is chosen before the start.
 */
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:connections-walkthrough;DB_CLOSE_DELAY=-1")
@ActiveProfiles("demo")
@DirtiesContext
class ConnectionsWalkthroughTests {

	private static final int PORT = freePort();

	private final Map<String, CookieManager> jars = new HashMap<>();

	@DynamicPropertySource
	static void port(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
	}

	private static List<Step> steps() {
		return ReadmeWalkthrough.read(ReadmeWalkthrough.readme(), "Try connections");
	}

	@Test
	void readmeWalksThroughAConnectionFromRefusalToSignOut() {
		assertThat(steps())
			.extracting((step) -> step.curl().user() + " " + step.curl().method() + " "
					+ step.curl().url().replaceFirst("\\?.*", "") + " -> " + step.status())
			.containsExactly("carol POST localhost:8080/sessions/2/calendar -> 403",
					"carol GET localhost:8080/oauth2/authorization/calendar -> 200",
					"carol POST localhost:8080/sessions/2/calendar -> 200",
					"carol DELETE localhost:8080/connections/calendar -> 200",
					"carol POST localhost:8080/sessions/2/calendar -> 403");
	}

	@Test
	void aCallerWithoutThePermissionIsToldThatBeforeAnythingAboutConnections() throws Exception {
		// dave may not read session 2: the permission is checked first, and nothing
		// tells him which connections the call would need
		HttpResponse<String> refused = send(Curl.parse("curl -s -w '" + ReadmeWalkthrough.WRITE_OUT
				+ "' -u dave:dave -X POST localhost:8080/sessions/2/calendar"));
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("missingPermissions").doesNotContain("missingConnections");
	}

	@TestFactory
	Stream<DynamicTest> everyStepPrintsWhatTheReadmeShows() {
		return steps().stream().map((step) -> DynamicTest.dynamicTest(step.title(), () -> {
			HttpResponse<String> response = send(step.curl());
			String printed = response.body() + "\nHTTP " + response.statusCode();
			assertThat(printed).as(step.command()).isEqualTo(step.output());
		}));
	}

	private HttpResponse<String> send(Curl curl) throws IOException, InterruptedException {
		assertThat(curl.url()).startsWith(ReadmeWalkthrough.README_ORIGIN);
		HttpClient.Builder builder = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER);
		if (curl.cookieJar() != null) {
			builder.cookieHandler(this.jars.computeIfAbsent(curl.cookieJar(),
					(file) -> new CookieManager(null, CookiePolicy.ACCEPT_ALL)));
		}
		HttpClient http = builder.build();
		String origin = "http://localhost:" + PORT;
		URI uri = URI.create(origin + curl.url().substring(ReadmeWalkthrough.README_ORIGIN.length()));
		HttpResponse<String> response = http.send(request(curl, uri, curl.method(), curl.body()),
				HttpResponse.BodyHandlers.ofString());
		for (int hops = 0; curl.followRedirects() && hops < 10 && response.statusCode() / 100 == 3; hops++) {
			URI next = uri.resolve(response.headers().firstValue("Location").orElseThrow());
			// curl -L sends -u credentials to the same host only
			boolean sameHost = next.getHost().equals(uri.getHost()) && next.getPort() == uri.getPort();
			HttpRequest.Builder again = HttpRequest.newBuilder(next).GET();
			if (sameHost && curl.user() != null) {
				basic(again, curl);
			}
			response = http.send(again.build(), HttpResponse.BodyHandlers.ofString());
		}
		return response;
	}

	private static HttpRequest request(Curl curl, URI uri, String method, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		curl.headers().forEach(request::header);
		if (curl.user() != null) {
			basic(request, curl);
		}
		return request.build();
	}

	private static void basic(HttpRequest.Builder request, Curl curl) {
		String credentials = curl.user() + ":" + curl.password();
		request.header("Authorization",
				"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
