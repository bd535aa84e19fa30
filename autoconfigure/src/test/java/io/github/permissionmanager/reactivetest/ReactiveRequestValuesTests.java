package io.github.permissionmanager.reactivetest;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionGrants;
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
 * A reactive check reads the request under the same source rules as a servlet one
 * (DESIGN.md section 10): URI template variables and required query parameters that no
 * argument declares, a model lookup keyed by a URI variable, a declared argument as the
 * only source of its key, ambiguous sources refused (400), the {@code methods} filter,
 * and the tenant of the path and of a header (disagreeing: 403).
 */
@SpringBootTest(classes = ReactiveTestApplication.class)
@TestPropertySource(locations = "classpath:reactivetest/reactive.properties")
class ReactiveRequestValuesTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	PermissionGrants grants;

	@Autowired
	NoteRepository notes;

	@Autowired
	Subscriptions subscriptions;

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
		this.grants.revokeAll(this.grants.permissionsOf(Grantee.user("bob")));
	}

	@Test
	void keyOnlyTheUriHoldsIsReadFromThePath() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "board:read").on("board", 3));
		this.client.mutateWith(mockUser("bob")).get().uri("/boards/3/pins").exchange().expectStatus().isOk();
		this.client.mutateWith(mockUser("bob"))
			.get()
			.uri("/boards/4/pins")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.resource.id")
			.isEqualTo("4");
		assertThat(this.subscriptions.events()).containsExactly("pins");
	}

	@Test
	void keyBothInThePathAndTheQueryStringIsAmbiguous() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "board:read").on("board", 3));
		this.client.mutateWith(mockUser("bob"))
			.get()
			.uri("/boards/3/pins?board_id=3")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.subscriptions.events()).isEmpty();
	}

	@Test
	void queryParameterTheMappingRequiresIsASourceGivenOnce() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "board:read").on("board", 3));
		this.client.mutateWith(mockUser("bob")).get().uri("/pins?board_id=3").exchange().expectStatus().isOk();
		this.client.mutateWith(mockUser("bob")).get().uri("/pins?board_id=4").exchange().expectStatus().isForbidden();
		this.client.mutateWith(mockUser("bob"))
			.get()
			.uri("/pins?board_id=3&board_id=4")
			.exchange()
			.expectStatus()
			.isBadRequest();
		assertThat(this.subscriptions.events()).containsExactly("pins by query");
	}

	@Test
	void declaredArgumentThatIsNullIsMissingNeverTheUriValue() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "board:read").on("board", 3));
		this.client.mutateWith(mockUser("bob"))
			.get()
			.uri("/boards/3/fallback")
			.exchange()
			.expectStatus()
			.isBadRequest();
		assertThat(this.subscriptions.events()).isEmpty();
	}

	@Test
	void bodyThatNamesAnotherBoardThanThePathIsABadRequest() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "board:write").on("board", 3));
		this.client.mutateWith(mockUser("bob"))
			.put()
			.uri("/boards/3/pins")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"boardId\": 4, \"text\": \"moved\"}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		this.client.mutateWith(mockUser("bob"))
			.put()
			.uri("/boards/3/pins")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"boardId\": 3, \"text\": \"kept\"}")
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(this.subscriptions.events()).containsExactly("pinned kept on 3");
	}

	@Test
	void modelLookupKeyedByAUriVariable() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "board:read").on("board", 3));
		this.client.mutateWith(mockUser("bob")).get().uri("/notes/30/board").exchange().expectStatus().isOk();
		this.client.mutateWith(mockUser("bob")).get().uri("/notes/40/board").exchange().expectStatus().isForbidden();
		this.client.mutateWith(mockUser("bob")).get().uri("/notes/99/board").exchange().expectStatus().isNotFound();
		// a query parameter the mapping does not declare never outranks the model
		this.client.mutateWith(mockUser("bob"))
			.get()
			.uri("/notes/40/board?board_id=3")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.resource.id")
			.isEqualTo("4");
		assertThat(this.subscriptions.events()).containsExactly("note board");
	}

	@Test
	void methodsFilterChecksOnlyTheVerbsItNames() {
		this.client.get().uri("/boards/3/tasks").exchange().expectStatus().isOk();
		this.client.mutateWith(mockUser("bob")).post().uri("/boards/3/tasks").exchange().expectStatus().isForbidden();
		this.client.post().uri("/boards/3/tasks").exchange().expectStatus().isUnauthorized();
		this.grants.grant(Grant.of(Grantee.user("bob"), "board:write").on("board", 3));
		this.client.mutateWith(mockUser("bob")).post().uri("/boards/3/tasks").exchange().expectStatus().isOk();
		assertThat(this.subscriptions.events()).containsExactly("tasks 3", "tasks 3");
	}

	@Test
	void tenantComesFromThePathAndAHeaderThatMustAgree() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "board:read").on("board", 3).inTenant("acme"));
		this.client.mutateWith(mockUser("bob")).get().uri("/tenants/acme/boards/3").exchange().expectStatus().isOk();
		this.client.mutateWith(mockUser("bob"))
			.get()
			.uri("/tenants/globex/boards/3")
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.mutateWith(mockUser("bob"))
			.get()
			.uri("/tenants/acme/boards/3")
			.header("X-Tenant", "acme")
			.exchange()
			.expectStatus()
			.isOk();
		this.client.mutateWith(mockUser("bob"))
			.get()
			.uri("/tenants/acme/boards/3")
			.header("X-Tenant", "globex")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		this.client.mutateWith(mockUser("bob"))
			.get()
			.uri("/tenants/acme/boards/3?tenant=globex")
			.exchange()
			.expectStatus()
			.isBadRequest();
		assertThat(this.subscriptions.events()).containsExactly("board 3 of acme", "board 3 of acme");
	}

	@Test
	void tenantOfAHeaderAloneScopesTheCheck() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "board:read").on("board", 3).inTenant("acme"));
		this.client.mutateWith(mockUser("bob"))
			.get()
			.uri("/boards/3/pins")
			.header("X-Tenant", "acme")
			.exchange()
			.expectStatus()
			.isOk();
		this.client.mutateWith(mockUser("bob"))
			.get()
			.uri("/boards/3/pins")
			.header("X-Tenant", "globex")
			.exchange()
			.expectStatus()
			.isForbidden();
		assertThat(this.subscriptions.events()).containsExactly("pins");
	}

	@Test
	void tenantHeaderGivenTwiceIsABadRequest() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "board:read").on("board", 3).inTenant("acme"));
		this.client.mutateWith(mockUser("bob"))
			.get()
			.uri("/boards/3/pins")
			.header("X-Tenant", "acme", "globex")
			.exchange()
			.expectStatus()
			.isBadRequest();
		this.client.mutateWith(mockUser("bob"))
			.get()
			.uri("/tenants/acme/boards/3")
			.header("X-Tenant", "acme", "acme")
			.exchange()
			.expectStatus()
			.isBadRequest();
		assertThat(this.subscriptions.events()).isEmpty();
	}

}
