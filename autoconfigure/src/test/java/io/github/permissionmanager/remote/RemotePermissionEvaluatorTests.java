package io.github.permissionmanager.remote;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.permissionmanager.Consistency;
import io.github.permissionmanager.ConsistencyToken;
import io.github.permissionmanager.Decision;
import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.PermissionDecisionPublisher;
import io.github.permissionmanager.PermissionEvaluationException;
import io.github.permissionmanager.PermissionRequest;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.decide.DecisionService;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client's decision cache and bulks against a decision point answered in memory
 * ({@link FakeDecisionPoint}, whose reasons name what each check asked): a kept decision
 * answers only the very check it was made for, within its TTL and the cache's size, and a
 * consistency requirement only when it is at least as fresh; a failure is never kept;
 * more checks than the bulk size travel in several bulks, answered in order.
 */
class RemotePermissionEvaluatorTests {

	private final FakeDecisionPoint pdp = new FakeDecisionPoint(1000);

	private final RemotePermissionEvaluator evaluator = new RemotePermissionEvaluator(this.pdp.client(1000),
			Duration.ofMinutes(10), 10_000);

	private final DecisionService decisions = new DecisionService(this.evaluator, PermissionDecisionPublisher.none(),
			Clock.systemUTC());

	@Test
	void aKeptDecisionAnswersTheDecisionPathWithoutAskingAgain() {
		Subject alice = Subject.of("alice");
		assertThat(this.decisions.allows(alice, "doc:read", Resource.of("doc", 2), PermissionContext.empty())).isTrue();
		assertThat(this.decisions.allows(alice, "doc:read", Resource.of("doc", 3), PermissionContext.empty()))
			.isFalse();
		assertThat(this.pdp.received).hasSize(2);
		for (int i = 0; i < 3; i++) {
			assertThat(this.decisions.allows(Subject.of("alice"), "doc:read", Resource.of("doc", "2"),
					PermissionContext.empty()))
				.isTrue();
			assertThat(this.decisions.allows(alice, "doc:read", Resource.of("doc", 3), PermissionContext.empty()))
				.isFalse();
			assertThat(this.decisions
				.decide(new PermissionRequest(alice, "doc:read", Resource.of("doc", 3), PermissionContext.empty()))
				.missingPermissions()).containsExactly("doc:read");
		}
		assertThat(this.pdp.received).hasSize(2);
	}

	@Test
	void aKeptDecisionAnswersOnlyTheCheckItWasMadeFor() {
		Subject alice = Subject.of("alice");
		List<PermissionRequest> checks = List.of(request(alice, "doc:read", Resource.of("doc", 2), context()),
				request(alice.withGroups("staff"), "doc:read", Resource.of("doc", 2), context()),
				request(alice.withAttribute("level", 3), "doc:read", Resource.of("doc", 2), context()),
				request(alice.withAttribute("level", 4), "doc:read", Resource.of("doc", 2), context()),
				request(Subject.of("bob"), "doc:read", Resource.of("doc", 2), context()),
				request(alice, "doc:write", Resource.of("doc", 2), context()),
				request(alice, "doc:read", Resource.of("doc", 4), context()),
				request(alice, "doc:read", Resource.of("file", 2), context()),
				request(alice, "doc:read", Resource.of("doc", 2).withTenant("acme"), context()),
				request(alice, "doc:read", Resource.of("doc", 2).withAttribute("owner", "bob"), context()),
				request(alice, "doc:read", null, context()),
				request(alice, "doc:read", Resource.of("doc", 2), context("doc_id", 2)),
				request(alice, "doc:read", Resource.of("doc", 2), context("doc_id", 3)),
				request(alice, "doc:read", Resource.of("doc", 2), context("doc", 2)),
				request(alice, "doc:read", Resource.of("doc", 2), context("doc_id", 2, "page", 1)),
				request(alice, "doc:read", Resource.of("doc", 2), context("doc_id", 2, "page", 2)));
		List<String> asked = new ArrayList<>();
		for (PermissionRequest check : checks) {
			asked.add(this.evaluator.evaluate(check).reason());
		}
		assertThat(this.pdp.received).hasSize(checks.size());
		assertThat(asked).doesNotHaveDuplicates();
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < checks.size(); i++) {
				PermissionRequest check = checks.get(i);
				// an equal request built anew is answered by the decision made for it
				PermissionRequest again = request(check.subject(), check.permission(), check.resource(),
						context(check.context()));
				assertThat(this.evaluator.evaluate(again).reason()).as(check.toString()).isEqualTo(asked.get(i));
			}
		}
		assertThat(this.pdp.received).hasSize(checks.size());
	}

	@Test
	void aDecisionIsKeptForItsTtlOnly() throws InterruptedException {
		RemotePermissionEvaluator shortLived = new RemotePermissionEvaluator(this.pdp.client(1000),
				Duration.ofMillis(300), 100);
		PermissionRequest check = request(Subject.of("alice"), "doc:read", Resource.of("doc", 2), context());
		shortLived.evaluate(check);
		shortLived.evaluate(check);
		assertThat(this.pdp.received).hasSize(1);
		Thread.sleep(400);
		shortLived.evaluate(check);
		assertThat(this.pdp.received).hasSize(2);
		shortLived.evaluate(check);
		assertThat(this.pdp.received).hasSize(2);
	}

	@Test
	void theCacheKeepsAtMostItsMaximumOfDecisions() {
		RemotePermissionEvaluator small = new RemotePermissionEvaluator(this.pdp.client(1000), Duration.ofMinutes(10),
				10);
		List<PermissionRequest> oneSubject = new ArrayList<>();
		List<PermissionRequest> manySubjects = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			oneSubject.add(request(Subject.of("alice"), "doc:read", Resource.of("doc", i), context()));
			manySubjects.add(request(Subject.of("user" + i), "doc:read", Resource.of("doc", 2), context()));
		}
		for (List<PermissionRequest> checks : List.of(oneSubject, manySubjects)) {
			this.pdp.received.clear();
			checks.forEach(small::evaluate);
			checks.forEach(small::evaluate);
			assertThat(this.pdp.received.size()).as("asked, of 100 checks of 50").isGreaterThanOrEqualTo(90);
		}
	}

	@Test
	void aConsistencyRequirementIsAnsweredOnlyByADecisionAtLeastAsFresh() {
		PermissionRequest check = request(Subject.of("alice"), "doc:read", Resource.of("doc", 2), context());
		this.evaluator.evaluate(check);
		this.pdp.position.set(5);
		ConsistencyToken five = new ConsistencyToken(5);
		// kept at 1: not fresh enough for 5, asked with the token
		this.evaluator.honouring(Consistency.atLeast(five), () -> this.evaluator.evaluate(check));
		assertThat(this.pdp.received).containsExactly("check 1 -", "check 1 " + five.value());
		// kept at 5 now: answers 5 and anything older, on the decision path too
		this.evaluator.honouring(Consistency.atLeast(five), () -> this.evaluator.evaluate(check));
		this.evaluator.honouring(Consistency.atLeast(new ConsistencyToken(2)),
				() -> this.decisions.allows(check.subject(), check.permission(), check.resource(), check.context()));
		assertThat(this.pdp.received).hasSize(2);
		this.evaluator.honouring(Consistency.atLeast(new ConsistencyToken(6)),
				() -> this.decisions.allows(check.subject(), check.permission(), check.resource(), check.context()));
		this.evaluator.honouring(Consistency.full(), () -> this.evaluator.evaluate(check));
		this.evaluator.honouring(Consistency.full(), () -> this.evaluator.evaluateAll(List.of(check)));
		assertThat(this.pdp.received).hasSize(5).endsWith("check 1 full", "check 1 full");
	}

	@Test
	void aFailureIsNeverKept() {
		PermissionRequest check = request(Subject.of("alice"), "doc:read", Resource.of("doc", 2), context());
		this.pdp.failing = true;
		assertThatExceptionOfType(PermissionEvaluationException.class).isThrownBy(() -> this.evaluator.evaluate(check));
		assertThatExceptionOfType(PermissionEvaluationException.class).isThrownBy(
				() -> this.decisions.allows(check.subject(), check.permission(), check.resource(), check.context()));
		assertThat(this.decisions.allowsOrDenies(check.subject(), check.permission(), check.resource())).isFalse();
		this.pdp.failing = false;
		assertThat(this.evaluator.evaluate(check).allowed()).isTrue();
	}

	@Test
	void moreChecksThanTheBulkSizeTravelInSeveralBulksAnsweredInOrder() {
		List<PermissionRequest> checks = new ArrayList<>();
		for (int i = 0; i < 2500; i++) {
			checks.add(request(Subject.of("u" + (i % 7)), "doc:read", Resource.of("doc", i), context()));
		}
		RemotePermissionEvaluator uncached = new RemotePermissionEvaluator(this.pdp.client(1000), Duration.ZERO, 0);
		List<Decision> decided = uncached.evaluateAll(checks);
		assertThat(this.pdp.received).containsExactly("bulk 1000 -", "bulk 1000 -", "bulk 500 -");
		assertThat(decided).hasSize(checks.size());
		for (int i = 0; i < checks.size(); i++) {
			assertThat(decided.get(i).reason()).startsWith("u" + (i % 7) + " doc:read " + i + " ");
			assertThat(decided.get(i).allowed()).isEqualTo(i % 2 == 0);
		}
		this.pdp.received.clear();
		new RemotePermissionEvaluator(this.pdp.client(7), Duration.ZERO, 0).evaluateAll(checks.subList(0, 15));
		assertThat(this.pdp.received).containsExactly("bulk 7 -", "bulk 7 -", "check 1 -");
	}

	@Test
	void aBulkLargerThanTheDecisionPointTakesFailsClosed() {
		List<PermissionRequest> checks = new ArrayList<>();
		for (int i = 0; i < 1001; i++) {
			checks.add(request(Subject.of("alice"), "doc:read", Resource.of("doc", i), context()));
		}
		RemotePermissionEvaluator tooLarge = new RemotePermissionEvaluator(this.pdp.client(2000),
				Duration.ofMinutes(10), 10_000);
		assertThatExceptionOfType(PermissionEvaluationException.class).isThrownBy(() -> tooLarge.evaluateAll(checks))
			.withMessageContaining("400");
		// nothing was kept: the next check asks
		tooLarge.evaluate(checks.get(0));
		assertThat(this.pdp.received).containsExactly("bulk 1001 -", "check 1 -");
	}

	@Test
	void onlyTheChecksNotKeptAreAskedInABulk() {
		Subject alice = Subject.of("alice");
		this.evaluator.evaluate(request(alice, "doc:read", Resource.of("doc", 2), context()));
		List<Decision> decided = this.evaluator
			.evaluateAll(List.of(request(alice, "doc:read", Resource.of("doc", 2), context()),
					request(alice, "doc:write", Resource.of("doc", 2), context()),
					request(alice, "doc:share", Resource.of("doc", 3), context())));
		assertThat(this.pdp.received).containsExactly("check 1 -", "bulk 2 -");
		assertThat(decided).extracting(Decision::allowed).containsExactly(true, true, false);
		assertThat(decided.get(2).reason()).startsWith("alice doc:share 3 ");
	}

	private static PermissionRequest request(Subject subject, String permission, @Nullable Resource resource,
			PermissionContext context) {
		return new PermissionRequest(subject, permission, resource, context);
	}

	private static PermissionContext context(Object... namesAndValues) {
		PermissionContext.Builder builder = PermissionContext.builder();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			builder.value((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return builder.build();
	}

	private static PermissionContext context(PermissionContext copied) {
		PermissionContext.Builder builder = PermissionContext.builder();
		copied.values().forEach(builder::value);
		return builder.build();
	}

}
