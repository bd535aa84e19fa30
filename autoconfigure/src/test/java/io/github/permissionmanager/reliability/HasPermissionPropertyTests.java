package io.github.permissionmanager.reliability;

import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import io.github.permissionmanager.PermissionEvaluationException;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.caller.CurrentCaller;
import io.github.permissionmanager.decide.DecisionService;
import io.github.permissionmanager.enforce.AuthenticationSubjectResolver;
import io.github.permissionmanager.security.DefaultDomainResourceResolver;
import io.github.permissionmanager.security.HasPermissionEvaluator;
import io.github.permissionmanager.security.PermissionChecks;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Property-based, on the worlds of {@link DecisionPropertyTests}: Spring Security's
 * {@code hasPermission}, in both forms, answers every object check exactly as
 * {@link ReferenceDecisions} does — users, store groups and groups carried as
 * {@code GROUP_} authorities, object, type and global grants, roles, wildcards, expiry
 * and tenants (from the tenant resolver, as in an application).
 */
class HasPermissionPropertyTests {

	@Test
	void hasPermissionAgreesWithTheReferenceOnRandomWorlds() {
		Random random = new Random(DecisionPropertyTests.SEED + 2);
		AtomicReference<String> tenant = new AtomicReference<>();
		int checks = 0;
		for (int world = 0; world < 200; world++) {
			DecisionPropertyTests.World w = DecisionPropertyTests.World.random(random);
			DecisionService decisions = w.decisions();
			PermissionChecks permissionChecks = new PermissionChecks(() -> decisions,
					() -> new AuthenticationSubjectResolver(true, "GROUP_"), () -> (subject, context) -> tenant.get(),
					CurrentCaller::new);
			HasPermissionEvaluator evaluator = new HasPermissionEvaluator(permissionChecks,
					new DefaultDomainResourceResolver());
			ReferenceDecisions reference = new ReferenceDecisions(w.grants(), w.memberships(),
					DecisionPropertyTests.ROLES, DecisionPropertyTests.NOW);
			for (int i = 0; i < 150; i++) {
				DecisionPropertyTests.Check check = DecisionPropertyTests.Check.random(random);
				Resource resource = check.resource();
				if (resource == null || resource.id() == null) {
					continue;
				}
				tenant.set(resource.tenant());
				Authentication authentication = new UsernamePasswordAuthenticationToken(check.subject().id(), "n/a",
						check.subject()
							.groups()
							.stream()
							.map((group) -> new SimpleGrantedAuthority("GROUP_" + group))
							.toList());
				boolean expected = reference.allows(check.subject(), check.permission(), resource);
				assertThat(evaluator.hasPermission(authentication, resource.id(), resource.type(), check.permission()))
					.as("seed %d, world %d: %s%n%s", DecisionPropertyTests.SEED + 2, world, check, w)
					.isEqualTo(expected);
				assertThat(evaluator.hasPermission(authentication, Resource.of(resource.type(), resource.id()),
						check.permission()))
					.as("domain object, seed %d, world %d: %s%n%s", DecisionPropertyTests.SEED + 2, world, check, w)
					.isEqualTo(expected);
				checks++;
			}
		}
		assertThat(checks).isGreaterThan(10_000);
	}

	@Test
	void hasPermissionDeniesWhatItCannotCheck() {
		DecisionPropertyTests.World w = new DecisionPropertyTests.World(
				List.of(io.github.permissionmanager.Grant.of(io.github.permissionmanager.Grantee.user("bob"), "*")),
				java.util.Map.of());
		DecisionService decisions = w.decisions();
		HasPermissionEvaluator evaluator = new HasPermissionEvaluator(new PermissionChecks(() -> decisions,
				() -> new AuthenticationSubjectResolver(true, "GROUP_"), () -> null, CurrentCaller::new),
				new DefaultDomainResourceResolver());
		Authentication bob = new UsernamePasswordAuthenticationToken("bob", "n/a", List.of());
		assertThat(evaluator.hasPermission(bob, 1, "doc", "doc:read")).isTrue();
		assertThat(evaluator.hasPermission(bob, null, "doc", "doc:read")).isFalse();
		assertThat(evaluator.hasPermission(bob, 1, "", "doc:read")).isFalse();
		assertThat(evaluator.hasPermission(bob, 1, "doc", 16)).isFalse();
		assertThat(evaluator.hasPermission(bob, 1, "doc", "")).isFalse();
		assertThat(evaluator.hasPermission(bob, null, "doc:read")).isFalse();
		assertThat(evaluator.hasPermission(bob, new Object(), "doc:read")).isFalse();
		assertThat(evaluator.hasPermission(null, 1, "doc", "doc:read")).isFalse();
		assertThat(evaluator.hasPermission(new UsernamePasswordAuthenticationToken("bob", "n/a"), 1, "doc", "doc:read"))
			.as("not authenticated")
			.isFalse();
		assertThat(evaluator.hasPermission(new org.springframework.security.authentication.AnonymousAuthenticationToken(
				"key", "bob", List.of(new SimpleGrantedAuthority("ROLE_ANONYMOUS"))), 1, "doc", "doc:read"))
			.as("anonymous")
			.isFalse();
		assertThat(evaluator.hasPermission(UsernamePasswordAuthenticationToken.authenticated(" ", "n/a", List.of()), 1,
				"doc", "doc:read"))
			.as("nameless, as CurrentCaller judges it")
			.isFalse();
	}

	@Test
	void hasPermissionThrowsWhatItCannotAnswerSoNoExpressionCanNegateIt() {
		Authentication bob = new UsernamePasswordAuthenticationToken("bob", "n/a", List.of());
		PermissionChecks failingStore = new PermissionChecks(() -> {
			throw new IllegalStateException("store is down");
		}, () -> new AuthenticationSubjectResolver(true, "GROUP_"), () -> null, CurrentCaller::new);
		HasPermissionEvaluator evaluator = new HasPermissionEvaluator(failingStore,
				new DefaultDomainResourceResolver());
		assertThatExceptionOfType(PermissionEvaluationException.class)
			.isThrownBy(() -> evaluator.hasPermission(bob, 1, "doc", "doc:read"))
			.withRootCauseInstanceOf(IllegalStateException.class);
		HasPermissionEvaluator failingResolver = new HasPermissionEvaluator(failingStore, (object) -> {
			throw new IllegalStateException("no id");
		});
		assertThatExceptionOfType(PermissionEvaluationException.class)
			.isThrownBy(() -> failingResolver.hasPermission(bob, new Object(), "doc:read"))
			.withMessageContaining("java.lang.Object");
	}

}
