package io.github.permissionmanager.reactivetest;

import java.time.Duration;
import java.util.List;

import io.github.permissionmanager.AuthenticationRequiredException;
import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionDeniedException;
import io.github.permissionmanager.PermissionEvaluationException;
import io.github.permissionmanager.PermissionGrants;
import io.github.permissionmanager.securitytest.BreakableEvaluator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guarded reactive service methods, subscribed by hand: the method is not called when the
 * publisher is assembled, every subscription is checked with its own subscriber's caller
 * (a cold publisher subscribed twice is checked twice), and a refusal is the first and
 * only signal: a {@code Flux} never emits an element before it.
 */
@SpringBootTest(classes = ReactiveTestApplication.class)
@TestPropertySource(locations = "classpath:reactivetest/reactive.properties")
class ReactiveSubscriptionTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Autowired
	NoteService service;

	@Autowired
	PermissionGrants grants;

	@Autowired
	Subscriptions subscriptions;

	@Autowired
	BreakableEvaluator evaluator;

	@BeforeEach
	void setUp() {
		this.subscriptions.reset();
	}

	@AfterEach
	void tearDown() {
		this.evaluator.broken(false);
		this.grants.revokeAll(this.grants.permissionsOf(Grantee.user("bob")));
	}

	@Test
	void assemblingTheMonoCallsNothing() {
		this.service.summary(3);
		assertThat(this.subscriptions.events()).isEmpty();
	}

	@Test
	void coldMonoSubscribedTwiceIsCheckedForEachSubscriber() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "board:read").on("board", 3));
		Mono<String> summary = this.service.summary(3);
		StepVerifier.create(as("bob", summary)).expectNext("summary of 3").expectComplete().verify(TIMEOUT);
		StepVerifier.create(as("carol", summary)).expectError(PermissionDeniedException.class).verify(TIMEOUT);
		StepVerifier.create(summary).expectError(AuthenticationRequiredException.class).verify(TIMEOUT);
		assertThat(this.subscriptions.events()).containsExactly("called summary 3", "subscribed summary 3");
	}

	@Test
	void coldMonoSubscribedAgainAfterARevocationIsDenied() {
		Grant grant = Grant.of(Grantee.user("bob"), "board:read").on("board", 3);
		this.grants.grant(grant);
		Mono<String> summary = as("bob", this.service.summary(3));
		StepVerifier.create(summary).expectNext("summary of 3").expectComplete().verify(TIMEOUT);
		this.grants.revoke(grant);
		StepVerifier.create(summary).expectError(PermissionDeniedException.class).verify(TIMEOUT);
		assertThat(this.subscriptions.events()).containsExactly("called summary 3", "subscribed summary 3");
	}

	@Test
	void deniedFluxEmitsNothingBeforeItsError() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "board:read").on("board", 3));
		StepVerifier.create(as("bob", this.service.lines(4)))
			.expectSubscription()
			.expectError(PermissionDeniedException.class)
			.verify(TIMEOUT);
		this.evaluator.broken(true);
		StepVerifier.create(as("bob", this.service.lines(3)))
			.expectSubscription()
			.expectError(PermissionEvaluationException.class)
			.verify(TIMEOUT);
		assertThat(this.subscriptions.events()).isEmpty();
	}

	@Test
	void allowedFluxIsCheckedOnceAtSubscriptionThenEmitsEverything() {
		Grant grant = Grant.of(Grantee.user("bob"), "board:read").on("board", 3);
		this.grants.grant(grant);
		Flux<String> lines = as("bob", this.service.lines(3));
		StepVerifier.create(lines, 1)
			.expectNext("line 1")
			// a revocation after the check does not cut a stream the check let through
			.then(() -> this.grants.revoke(grant))
			.thenRequest(2)
			.expectNext("line 2", "line 3")
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(lines).expectError(PermissionDeniedException.class).verify(TIMEOUT);
	}

	private static <T> Mono<T> as(String user, Mono<T> mono) {
		return mono.contextWrite(ReactiveSecurityContextHolder.withAuthentication(authentication(user)));
	}

	private static <T> Flux<T> as(String user, Flux<T> flux) {
		return flux.contextWrite(ReactiveSecurityContextHolder.withAuthentication(authentication(user)));
	}

	private static Authentication authentication(String user) {
		return UsernamePasswordAuthenticationToken.authenticated(user, "n/a", List.of());
	}

}
