package io.github.permissionmanager.reactivetest;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionGrants;
import io.github.permissionmanager.securitytest.BreakableEvaluator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockUser;

/**
 * {@code @RequiresPermissions} on WebFlux handler methods returning {@code Mono} and
 * {@code Flux}: the caller comes from the reactive security context; a refusal is an RFC
 * 9457 problem (403, 404, 401, 503), never the application's 500, and the method is
 * neither called nor subscribed.
 */
@SpringBootTest(classes = ReactiveTestApplication.class)
@TestPropertySource(locations = "classpath:reactivetest/reactive.properties")
class ReactiveRequiresPermissionsTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	PermissionGrants grants;

	@Autowired
	NoteRepository notes;

	@Autowired
	Subscriptions subscriptions;

	@Autowired
	BreakableEvaluator evaluator;

	WebTestClient client;

	@BeforeEach
	void setUp() {
		this.client = ReactiveTestApplication.client(this.context);
		this.notes.save(new Note(30L, 3L));
		this.notes.save(new Note(40L, 4L));
		this.subscriptions.reset();
	}

	@AfterEach
	void tearDown() {
		this.evaluator.broken(false);
		this.grants.revokeAll(this.grants.permissionsOf(Grantee.user("bob")));
	}

	@Test
	void summaryWhenUserHoldsTheBoardGrantThenAllowed() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "board:read").on("board", 3));
		this.client.mutateWith(mockUser("bob"))
			.get()
			.uri("/boards/3/summary")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("summary of 3");
		assertThat(this.subscriptions.events()).containsExactly("called summary 3", "subscribed summary 3");
	}

	@Test
	void summaryOfAnotherBoardThenForbiddenProblemAndNeverCalled() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "board:read").on("board", 3));
		this.client.mutateWith(mockUser("bob"))
			.get()
			.uri("/boards/4/summary")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Only board members can read it.")
			.jsonPath("$.missingPermissions[0]")
			.isEqualTo("board:read")
			.jsonPath("$.resource.type")
			.isEqualTo("board")
			.jsonPath("$.resource.id")
			.isEqualTo("4")
			.jsonPath("$.caughtBy")
			.doesNotExist();
		assertThat(this.subscriptions.events()).isEmpty();
	}

	@Test
	void summaryWhenAnonymousThenUnauthorizedProblem() {
		this.client.get()
			.uri("/boards/3/summary")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.subscriptions.events()).isEmpty();
	}

	@Test
	void fluxIsCheckedLikeAMono() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "board:read").on("board", 3));
		this.client.mutateWith(mockUser("bob")).get().uri("/boards/3/lines").exchange().expectStatus().isOk();
		this.client.mutateWith(mockUser("bob")).get().uri("/boards/4/lines").exchange().expectStatus().isForbidden();
		assertThat(this.subscriptions.events()).containsExactly("called lines 3", "subscribed lines");
	}

	@Test
	void noteIsCheckedOnTheBoardItsModelLookupFinds() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "board:read").on("board", 3));
		this.client.mutateWith(mockUser("bob")).get().uri("/notes/30").exchange().expectStatus().isOk();
		this.client.mutateWith(mockUser("bob"))
			.get()
			.uri("/notes/40")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.resource.id")
			.isEqualTo("4");
		assertThat(this.subscriptions.events()).containsExactly("called note 30", "subscribed note 30");
	}

	@Test
	void noteThatDoesNotExistThenNotFoundProblem() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "board:read"));
		this.client.mutateWith(mockUser("bob"))
			.get()
			.uri("/notes/99")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.subscriptions.events()).isEmpty();
	}

	@Test
	void noteWithAnIdThatIsNotANumberThenBadRequestProblem() {
		this.client.mutateWith(mockUser("bob")).get().uri("/notes/abc").exchange().expectStatus().isBadRequest();
		assertThat(this.subscriptions.events()).isEmpty();
	}

	@Test
	void summaryWhenTheStoreFailsThenServiceUnavailableNeverTheApplicationsServerError() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "board:read").on("board", 3));
		this.evaluator.broken(true);
		String body = this.client.mutateWith(mockUser("bob"))
			.get()
			.uri("/boards/3/summary")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).doesNotContain("secret").doesNotContain("caughtBy");
		assertThat(this.subscriptions.events()).isEmpty();
	}

}
