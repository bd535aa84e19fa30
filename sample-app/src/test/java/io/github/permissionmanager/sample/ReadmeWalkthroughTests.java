package io.github.permissionmanager.sample;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;

import io.github.permissionmanager.sample.ReadmeWalkthrough.Curl;
import io.github.permissionmanager.sample.ReadmeWalkthrough.Step;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Replays the README's "Try it" walkthrough against the app on a random port, over real
 * HTTP, and expects exactly the output the README shows.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:walkthrough;DB_CLOSE_DELAY=-1")
@DirtiesContext
class ReadmeWalkthroughTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void readmeWalksThroughTheScenarioOfTheIssue() {
		List<Step> steps = ReadmeWalkthrough.read(ReadmeWalkthrough.readme());
		assertThat(steps)
			.extracting((step) -> step.curl().user() + " " + step.curl().method() + " "
					+ step.curl().url().replaceFirst("\\?.*", "") + " -> " + step.status())
			.containsExactly("bob PATCH localhost:8080/sessions/1 -> 200", "bob PATCH localhost:8080/sessions/4 -> 403",
					"bob PATCH localhost:8080/sessions/99 -> 404", "bob PATCH localhost:8080/sessions/abc -> 400",
					"dave PATCH localhost:8080/sessions/4 -> 403", "null PATCH localhost:8080/sessions/4 -> 401",
					"admin POST localhost:8080/admin/grants -> 201", "dave PATCH localhost:8080/sessions/4 -> 200",
					"admin DELETE localhost:8080/admin/grants -> 204", "dave PATCH localhost:8080/sessions/4 -> 403",
					"admin GET localhost:8080/admin/explain -> 200", "admin GET localhost:8080/admin/explain -> 200",
					"bob GET localhost:8080/sessions/paged -> 200");
	}

	@TestFactory
	Stream<DynamicTest> everyStepPrintsWhatTheReadmeShows() {
		return ReadmeWalkthrough.read(ReadmeWalkthrough.readme())
			.stream()
			.map((step) -> dynamicTest(step.title(), () -> {
				HttpResponse<String> response = send(step.curl());
				String printed = response.body() + "\nHTTP " + response.statusCode();
				assertThat(printed).as(step.command()).isEqualTo(step.output());
				if (response.statusCode() >= 400) {
					assertThat(response.headers().firstValue("Content-Type")).as(step.command())
						.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
				}
			}));
	}

	private HttpResponse<String> send(Curl curl) throws IOException, InterruptedException {
		return ReadmeWalkthrough.send(this.http, curl, this.port);
	}

}
