package io.github.permissionmanager.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionGrants;
import io.github.permissionmanager.agenda.AgendaApplication;
import io.github.permissionmanager.sample.ReadmeWalkthrough.Step;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The sample in its {@code pdp} profile, on a random port: a second application, the
 * agenda service ({@link AgendaApplication}, no grant store of its own, on a random port
 * too), guards its endpoint through it, and the README's decision point walkthrough
 * replays over real HTTP with exactly the output the README shows.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:pdp-profile;DB_CLOSE_DELAY=-1")
@ActiveProfiles("pdp")
@DirtiesContext
class DecisionPointProfileTests {

	static final String WALKTHROUGH = "A decision point for other services";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private PermissionGrants grants;

	@Test
	void theAgendaServiceIsAllowedAndRefusedAsTheSampleDecides() throws Exception {
		try (ConfigurableApplicationContext agenda = AgendaApplication
			.start("http://127.0.0.1:" + this.port + "/pdp")) {
			assertThat(agenda.getBeanNamesForType(PermissionGrants.class)).as("the agenda keeps no grants").isEmpty();
			int agendaPort = agenda.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			// bob co-organizes event 1 at the sample: allowed there, refused on event 2
			assertThat(get(agendaPort, "/agenda/1", "bob")).isEqualTo("200 Agenda of event 1");
			assertThat(get(agendaPort, "/agenda/2", "bob")).startsWith("403 ").contains("event:read");
			assertThat(get(agendaPort, "/agenda/1", "dave")).startsWith("403 ");
			assertThat(get(agendaPort, "/agenda/1", null)).startsWith("401");
			// a grant given at the decision point decides the agenda's next check
			Grant daveReads = Grant.of(Grantee.user("dave"), "event:read").on("event", 2);
			this.grants.grant(daveReads);
			try {
				assertThat(get(agendaPort, "/agenda/2", "dave")).isEqualTo("200 Agenda of event 2");
			}
			finally {
				this.grants.revoke(daveReads);
			}
		}
	}

	@Test
	void readmeWalksThroughTheDecisionPoint() {
		assertThat(ReadmeWalkthrough.read(ReadmeWalkthrough.readme(), WALKTHROUGH))
			.extracting((step) -> step.curl().method() + " " + step.curl().url() + " -> " + step.status())
			.containsExactly("POST localhost:8080/pdp/v1/check -> 200", "POST localhost:8080/pdp/v1/check -> 200",
					"POST localhost:8080/pdp/v1/check/bulk -> 200",
					"POST localhost:8080/pdp/v1/check/all-tenants -> 403",
					"POST localhost:8080/pdp/v1/check/all-tenants -> 200",
					"POST localhost:8080/pdp/v1/user-permissions -> 403",
					"POST localhost:8080/pdp/v1/user-permissions -> 200", "POST localhost:8080/pdp/v1/check -> 401",
					"POST localhost:8080/pdp/v1/check -> 403");
	}

	@TestFactory
	Stream<DynamicTest> everyStepPrintsWhatTheReadmeShows() {
		List<Step> steps = ReadmeWalkthrough.read(ReadmeWalkthrough.readme(), WALKTHROUGH);
		return steps.stream().map((step) -> dynamicTest(step.title(), () -> {
			HttpResponse<String> response = ReadmeWalkthrough.send(this.http, step.curl(), this.port);
			String printed = response.body() + "\nHTTP " + response.statusCode();
			assertThat(printed).as(step.command()).isEqualTo(step.output());
			String type = response.headers().firstValue("Content-Type").orElse("");
			assertThat(type).as(step.command())
				.startsWith((response.statusCode() >= 400) ? "application/problem+json" : "application/json");
		}));
	}

	private String get(int port, String path, @Nullable String user) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
		if (user != null) {
			request.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return response.statusCode() + " " + response.body();
	}

}
