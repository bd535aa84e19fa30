package io.github.permissionmanager.reactivetest;

import java.time.Duration;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionGrants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A WebFlux application on a real port, signed in with HTTP Basic as a browser or a
 * client would (no test support setting the security context): the signed-in user with
 * the grant is let through, so the check reads the reactive security context rather than
 * answering 401 to everyone; without the grant it is refused, so the method is guarded;
 * without a sign-in it is a 401.
 */
@SpringBootTest(classes = ReactiveTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:reactivetest/reactive.properties")
class ReactiveRealPortTests {

	@LocalServerPort
	int port;

	@Autowired
	PermissionGrants grants;

	WebTestClient client;

	@BeforeEach
	void setUp() {
		this.client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(Duration.ofSeconds(30))
			.build();
		this.grants.grant(Grant.of(Grantee.user("bob"), "board:read").on("board", 3));
	}

	@AfterEach
	void tearDown() {
		this.grants.revokeAll(this.grants.permissionsOf(Grantee.user("bob")));
	}

	@Test
	void signedInUserWithTheGrantIsLetThrough() {
		this.client.get()
			.uri("/boards/3/summary")
			.headers((headers) -> headers.setBasicAuth("bob", "secret"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("summary of 3");
	}

	@Test
	void signedInUserWithoutTheGrantIsRefused() {
		this.client.get()
			.uri("/boards/4/summary")
			.headers((headers) -> headers.setBasicAuth("bob", "secret"))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.missingPermissions[0]")
			.isEqualTo("board:read");
	}

	@Test
	void withoutASignInTheCallIsUnauthorized() {
		this.client.get().uri("/boards/3/summary").exchange().expectStatus().isUnauthorized();
		this.client.get()
			.uri("/boards/3/summary")
			.headers((headers) -> headers.setBasicAuth("bob", "wrong"))
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

}
