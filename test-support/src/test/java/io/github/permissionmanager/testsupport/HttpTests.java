package io.github.permissionmanager.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loopback calls carry the method, the body and HTTP Basic credentials the test asked
 * for.
 */
class HttpTests {

	private HttpServer server;

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", HttpTests::echo);
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void userSendsItsNameAsPasswordByDefault() {
		HttpResponse<String> response = new Http(this.server.getAddress().getPort()).get("bob", "/notes/1?x=1");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("GET /notes/1?x=1 bob:bob ");
	}

	@Test
	void passwordsCanBeChosenPerUser() {
		Http http = new Http(this.server.getAddress().getPort(), (user) -> user.equals("mallory") ? "wrong" : user);

		assertThat(http.get("mallory", "/").body()).isEqualTo("GET / mallory:wrong ");
		assertThat(http.get("erin", "/").body()).isEqualTo("GET / erin:erin ");
	}

	@Test
	void anonymousCallSendsNoCredentialsAndABodyIsSentAsJson() {
		HttpResponse<String> response = new Http(this.server.getAddress().getPort()).send(null, "POST", "/notes",
				"{\"a\":1}");

		assertThat(response.body()).isEqualTo("POST /notes - application/json {\"a\":1}");
	}

	@Test
	void bodyShowingAStackFrameOrAClassNameLeaksInternals() {
		assertThat(Http.leaksInternals("{\"title\":\"Forbidden\"}")).isFalse();
		assertThat(Http.leaksInternals("java.lang.IllegalStateException: boom")).isTrue();
		assertThat(Http.leaksInternals("\tat io.github.permissionmanager.Foo")).isTrue();
		assertThat(Http.leaksInternals("jdbc:h2:mem:x")).isTrue();
	}

	private static void echo(HttpExchange exchange) throws IOException {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		String user = (authorization != null) ? new String(
				Base64.getDecoder().decode(authorization.substring("Basic ".length())), StandardCharsets.UTF_8) : "-";
		String type = exchange.getRequestHeaders().getFirst("Content-Type");
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		byte[] answer = (exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + user + " "
				+ ((type != null) ? type + " " : "") + body)
			.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(200, answer.length);
		exchange.getResponseBody().write(answer);
		exchange.close();
	}

}
