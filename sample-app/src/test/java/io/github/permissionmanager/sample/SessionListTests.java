package io.github.permissionmanager.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import io.github.permissionmanager.sample.domain.Event;
import io.github.permissionmanager.sample.domain.EventRepository;
import io.github.permissionmanager.sample.domain.Session;
import io.github.permissionmanager.sample.domain.SessionRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /sessions} lists exactly the sessions each demo user may read, with a number
 * of SQL statements that does not grow with the number of sessions; {@code GET
 * /sessions/paged} and {@code GET /events/{event_id}/sessions?page=} page, sort and count
 * them in the database.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		// statements are counted on the whole DataSource: the change log follower's polls
		// would count too
		properties = { "spring.datasource.url=jdbc:h2:mem:session-list;DB_CLOSE_DELAY=-1",
				"permission-manager.cache.sync.mode=none" })
@Import(SessionListTests.CountStatements.class)
class SessionListTests {

	/**
	 * Most statements one listing may take, caches cold: one for the caller's grants and
	 * groups (the store reads them together, then serves both objectIds calls from its
	 * cache) and one for the sessions.
	 */
	private static final int MAX_STATEMENTS = 2;

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private SqlStatementCounter sql;

	@Autowired
	private JsonMapper json;

	@Autowired
	private EventRepository events;

	@Autowired
	private SessionRepository sessions;

	@ParameterizedTest(name = "{0} sees sessions [{1}]")
	@CsvSource(delimiter = '|', textBlock = """
			alice | 1 2 3
			bob   | 1 2 3
			carol | 2
			erin  | 4 5
			dave  | ''
			admin | ''
			""")
	void listsExactlyTheSessionsTheUserMayReadInBoundedStatements(String user, String expected) throws Exception {
		this.sql.reset();
		List<Long> ids = sessionIds(user);
		List<String> statements = this.sql.statements();
		assertThat(ids).containsExactlyElementsOf(
				expected.isBlank() ? List.of() : Arrays.stream(expected.split(" ")).map(Long::valueOf).toList());
		assertThat(statements).as("SQL of GET /sessions for %s", user).hasSizeLessThanOrEqualTo(MAX_STATEMENTS);
	}

	@Test
	void listingTenTimesMoreSessionsTakesNoMoreStatements() throws Exception {
		sessionIds("bob");
		this.sql.reset();
		sessionIds("bob");
		int before = this.sql.statements().size();
		Event summit = this.events.findById(1L).orElseThrow();
		List<Session> added = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			added.add(this.sessions.save(new Session(summit, "Lightning talk " + i)));
		}
		try {
			this.sql.reset();
			List<Long> ids = sessionIds("bob");
			assertThat(ids).hasSize(33);
			assertThat(this.sql.statements()).as("SQL of GET /sessions with 33 sessions").hasSize(before);
		}
		finally {
			this.sessions.deleteAll(added);
		}
	}

	@ParameterizedTest(name = "{0} pages [{1}]: {3} sessions in all")
	@CsvSource(delimiter = '|', textBlock = """
			alice | page=0&size=2&sort=title,desc | 3 2 | 3 | 2
			alice | page=1&size=2&sort=title,desc | 1   | 3 | 2
			erin  | page=0&size=1                 | 4   | 2 | 2
			carol | page=0&size=5                 | 2   | 1 | 1
			dave  | page=0&size=5                 | ''  | 0 | 0
			""")
	void pagesAreFilteredSortedAndCountedByTheDatabase(String user, String query, String expected, long total,
			int pages) throws Exception {
		this.sql.reset();
		HttpResponse<String> response = get(user, "/sessions/paged?" + query);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode body = this.json.readTree(response.body());
		List<Long> ids = new ArrayList<>();
		body.get("content").forEach((session) -> ids.add(session.get("id").asLong()));
		assertThat(ids).containsExactlyElementsOf(
				expected.isBlank() ? List.of() : Arrays.stream(expected.split(" ")).map(Long::valueOf).toList());
		assertThat(body.get("page").get("totalElements").asLong()).isEqualTo(total);
		assertThat(body.get("page").get("totalPages").asInt()).isEqualTo(pages);
		// the caller's grants (when not cached), the page, and its count when the page is
		// not the whole result
		assertThat(this.sql.statements()).as("SQL of GET /sessions/paged for %s", user).hasSizeLessThanOrEqualTo(3);
	}

	@ParameterizedTest(name = "{0} pages {1}: {3} sessions in all")
	@CsvSource(delimiter = '|', textBlock = """
			alice | /events/1/sessions?page=0&size=2&sort=title,desc | 3 2 | 3
			alice | /events/2/sessions?page=0                        | ''  | 0
			carol | /events/1/sessions?page=0                        | 2   | 1
			erin  | /events/2/sessions?page=0&size=1                 | 4   | 2
			bob   | /events/2/sessions?page=0                        | ''  | 0
			admin | /events/1/sessions?page=0                        | ''  | 0
			""")
	void theSessionsOfOneEventArePagedWithTheAnnotatedListGuard(String user, String path, String expected, long total)
			throws Exception {
		this.sql.reset();
		HttpResponse<String> response = get(user, path);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode body = this.json.readTree(response.body());
		List<Long> ids = new ArrayList<>();
		body.get("content").forEach((session) -> ids.add(session.get("id").asLong()));
		assertThat(ids).containsExactlyElementsOf(
				expected.isBlank() ? List.of() : Arrays.stream(expected.split(" ")).map(Long::valueOf).toList());
		assertThat(body.get("page").get("totalElements").asLong()).isEqualTo(total);
		assertThat(this.sql.statements()).as("SQL of GET %s for %s", path, user).hasSizeLessThanOrEqualTo(3);
	}

	@Test
	void theAnnotatedListGuardRefusesAnonymousCallersAndLeavesThePublicScheduleAlone() throws Exception {
		HttpRequest anonymous = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/events/1/sessions?page=0"))
			.build();
		HttpResponse<String> refused = this.http.send(anonymous, HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
		HttpRequest schedule = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/events/1/sessions"))
			.build();
		assertThat(this.http.send(schedule, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
		assertThat(get("alice", "/events/1/sessions?page=0&sort=event.owner").statusCode()).isEqualTo(400);
	}

	@Test
	void pagesRefuseUnknownSortPropertiesAndHugeSizesAndAnonymousCallers() throws Exception {
		assertThat(get("alice", "/sessions/paged?sort=event.owner.password").statusCode()).isEqualTo(400);
		assertThat(get("alice", "/sessions/paged?size=101").statusCode()).isEqualTo(400);
		HttpRequest anonymous = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/sessions/paged"))
			.build();
		assertThat(this.http.send(anonymous, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
	}

	private HttpResponse<String> get(String user, String path) throws IOException, InterruptedException {
		String credentials = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Basic " + credentials)
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private List<Long> sessionIds(String user) throws IOException, InterruptedException {
		String credentials = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/sessions"))
			.header("Authorization", "Basic " + credentials)
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<Long> ids = new ArrayList<>();
		for (JsonNode session : this.json.readTree(response.body())) {
			ids.add(session.get("id").asLong());
		}
		return ids;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class CountStatements {

		@Bean
		static SqlStatementCounter sqlStatementCounter() {
			return new SqlStatementCounter();
		}

	}

}
