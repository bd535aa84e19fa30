package io.github.permissionmanager.enforcetest;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.github.permissionmanager.testsupport.Http;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a real servlet container (Tomcat on a random port) and Spring Security's default
 * firewall do to request shapes that MockMvc does not reproduce: a percent-encoded
 * parameter name is decoded by the container, so {@code ?event%5Fid=2} is the parameter
 * {@code event_id}, read by Spring MVC and by the check alike; matrix content and unknown
 * verbs are refused by the firewall (400) before any handler or check runs. Bob holds
 * {@code event:read} and {@code event:update} on event 1 only.
 */
@SpringBootTest(classes = EnforceTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "enforcetest.strict-firewall=true")
@TestPropertySource(locations = "classpath:enforcetest/enforce.properties")
class RealPortSourcesTests extends AbstractEnforceTests {

	@LocalServerPort
	int port;

	@BeforeEach
	void setUp() {
		this.evaluator.grant("bob", "event:read", "event", 1);
		this.evaluator.grant("bob", "event:update", "event", 1);
	}

	@Test
	void percentEncodedParameterNameIsTheDecodedParameterForTheCheckAndTheMethodAlike() {
		// decoded, it is the URI variable's name as well: ambiguous, whatever it says
		assertThat(send("GET", "/events/1/summary?event%5Fid=2", null).statusCode()).isEqualTo(400);
		assertThat(send("GET", "/events/1/summary?event%5Fid=1", null).statusCode()).isEqualTo(400);
		assertThat(send("GET", "/events/1/rows?event%5Fid=2", null).statusCode()).isEqualTo(400);
		// a handler whose mapping requires the parameter: Spring MVC matches the decoded
		// name, and the check reads the decoded parameter
		HttpResponse<String> allowed = send("GET", "/report?event%5Fid=1", null);
		assertThat(allowed.statusCode()).isEqualTo(200);
		assertThat(allowed.body()).isEqualTo("report");
		HttpResponse<String> denied = send("GET", "/report?event%5Fid=2", null);
		assertThat(denied.statusCode()).isEqualTo(403);
		assertThat(denied.body()).contains("\"id\":\"2\"");
		// a form field with an encoded name is decoded too, and meets the URI variable
		HttpResponse<String> form = send("PATCH", "/events/1/rename", "eventI%64=2&name=x");
		assertThat(form.statusCode()).isEqualTo(400);
		assertThat(form.body()).contains("\"title\":\"Bad Request\"").doesNotContain("Exception");
		assertThat(this.evaluator.requests()).extracting((request) -> request.resource().id())
			.containsExactly("1", "2");
		assertThat(this.sideEffects.ran()).containsExactly("report");
	}

	@Test
	void defaultFirewallRefusesMatrixContentAndUnknownVerbsBeforeAnyCheck() {
		assertThat(send("GET", "/events/1;event_id=2/rows", null).statusCode()).isEqualTo(400);
		assertThat(send("GET", "/events/2;event_id=1/shift", null).statusCode()).isEqualTo(400);
		assertThat(send("PROPFIND", "/events/2/anything", null).statusCode()).isEqualTo(400);
		assertThat(this.evaluator.requests()).isEmpty();
		assertThat(this.sideEffects.ran()).isEmpty();
	}

	private HttpResponse<String> send(String method, String path, @Nullable String form) {
		Map<String, List<String>> headers = (form != null)
				? Map.of("Content-Type", List.of("application/x-www-form-urlencoded")) : Map.of();
		return new Http(this.port).send("bob", method, path, form, headers);
	}

}
