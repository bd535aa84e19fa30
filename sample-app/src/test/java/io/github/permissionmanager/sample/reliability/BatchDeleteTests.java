package io.github.permissionmanager.sample.reliability;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.permissionmanager.sample.domain.SessionRepository;
import io.github.permissionmanager.testsupport.Http;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code DELETE /sessions?ids=...} is checked whole: one session of an event the caller
 * may not touch refuses the batch, and nothing in it is deleted.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class BatchDeleteTests {

	@LocalServerPort
	int port;

	@Autowired
	SessionRepository sessions;

	@Test
	void batchWithOneForeignSessionIsRefusedWholeAndDeletesNothing() {
		Http http = new Http(this.port);
		// bob co-organizes event 1; session 4 belongs to event 2
		HttpResponse<String> refused = http.send("bob", "DELETE", "/sessions?ids=1,2,4", null);
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(refused.body()).contains("\"session:delete\"")
			.containsPattern("\"type\"\\s*:\\s*\"event\"")
			.containsPattern("\"id\"\\s*:\\s*\"2\"");
		assertThat(http.send("erin", "DELETE", "/sessions?ids=4&ids=5&ids=1", null).statusCode()).isEqualTo(403);
		assertThat(http.send("dave", "DELETE", "/sessions?ids=1", null).statusCode()).isEqualTo(403);
		assertThat(http.send("carol", "DELETE", "/sessions?ids=2", null).statusCode()).isEqualTo(403);
		assertThat(http.send(null, "DELETE", "/sessions?ids=1", null).statusCode()).isEqualTo(401);
		assertThat(this.sessions.findAllById(List.of(1L, 2L, 3L, 4L, 5L))).hasSize(5);
	}

	@Test
	void batchWithAMissingOrMalformedIdIsRefusedWholeAndDeletesNothing() {
		Http http = new Http(this.port);
		assertThat(http.send("bob", "DELETE", "/sessions?ids=1,99", null).statusCode()).isEqualTo(404);
		assertThat(http.send("bob", "DELETE", "/sessions?ids=1,,2", null).statusCode()).isEqualTo(400);
		assertThat(http.send("bob", "DELETE", "/sessions?ids=1,x", null).statusCode()).isEqualTo(400);
		assertThat(http.send("bob", "DELETE", "/sessions?ids=", null).statusCode()).isEqualTo(400);
		assertThat(http.send("bob", "DELETE", "/sessions?ids=" + "1,".repeat(200) + "1", null).statusCode())
			.isEqualTo(400);
		assertThat(this.sessions.findAllById(List.of(1L, 2L))).hasSize(2);
	}

	@Test
	void batchOfSessionsTheCallerMayDeleteIsDeletedWhole() {
		Http http = new Http(this.port);
		long first = created(http.send("bob", "POST", "/events/1/sessions", "{\"title\":\"first\"}"));
		long second = created(http.send("bob", "POST", "/events/1/sessions", "{\"title\":\"second\"}"));
		assertThat(http.send("bob", "DELETE", "/sessions?ids=" + first + "," + second, null).statusCode())
			.isEqualTo(204);
		assertThat(this.sessions.findAllById(List.of(first, second))).isEmpty();
		assertThat(this.sessions.findAllById(List.of(1L, 2L, 3L))).hasSize(3);
	}

	private static long created(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(201);
		Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(response.body());
		assertThat(id.find()).isTrue();
		return Long.parseLong(id.group(1));
	}

}
