package io.github.permissionmanager.autoconfigure;

import java.util.UUID;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionDeniedException;
import io.github.permissionmanager.PermissionEvaluationException;
import io.github.permissionmanager.PermissionEvaluator;
import io.github.permissionmanager.PermissionGrants;
import io.github.permissionmanager.PermissionManager;
import io.github.permissionmanager.RequiresPermissions;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.decide.DecisionService;
import io.github.permissionmanager.observation.ObservedPermissionEvaluator;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An observation per decision when an observation registry observes something: outcome
 * allow, deny or error; the permission named only when the application names it; the
 * grant snapshot cached or read cold. Without a registry, or with the no-op one, the
 * evaluator is asked as it is.
 */
class PermissionObservationTests {

	private final TestObservationRegistry observations = TestObservationRegistry.create();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, PermissionManagerAutoConfiguration.class,
				PermissionStoreAutoConfiguration.class, PermissionEnforcementAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true",
				"permission-manager.catalog.reports.description=Export reports")
		.withBean(EventService.class);

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void anAllowIsObservedColdThenCachedWithTheAnnotationsPermission() {
		this.contextRunner.withBean(ObservationRegistry.class, () -> this.observations).run((context) -> {
			context.getBean(PermissionGrants.class).grant(Grant.of(Grantee.user("bob"), "event:update").on("event", 7));
			this.observations.clear();
			signIn("bob");
			EventService events = context.getBean(EventService.class);
			assertThat(events.update(7)).isEqualTo("updated 7");
			assertThat(this.observations).hasSingleObservationThat()
				.hasNameEqualTo(ObservedPermissionEvaluator.NAME)
				.hasLowCardinalityKeyValue("outcome", "allow")
				.hasLowCardinalityKeyValue("permission", "event:update")
				.hasLowCardinalityKeyValue("cache", "miss")
				.doesNotHaveError();
			this.observations.clear();
			assertThat(events.update(7)).isEqualTo("updated 7");
			assertThat(this.observations).hasSingleObservationThat()
				.hasLowCardinalityKeyValue("outcome", "allow")
				.hasLowCardinalityKeyValue("cache", "hit");
		});
	}

	@Test
	void aDenialIsObserved() {
		this.contextRunner.withBean(ObservationRegistry.class, () -> this.observations).run((context) -> {
			signIn("carol");
			assertThatExceptionOfType(PermissionDeniedException.class)
				.isThrownBy(() -> context.getBean(EventService.class).update(7));
			assertThat(this.observations).hasSingleObservationThat()
				.hasLowCardinalityKeyValue("outcome", "deny")
				.hasLowCardinalityKeyValue("permission", "event:update")
				.doesNotHaveError();
		});
	}

	@Test
	void anEvaluatorFailureIsObservedAsAnErrorAndTheMethodDoesNotRun() {
		IllegalStateException failure = new IllegalStateException("policy store down");
		this.contextRunner.withBean(ObservationRegistry.class, () -> this.observations)
			.withBean(PermissionEvaluator.class, () -> (request) -> {
				throw failure;
			})
			.run((context) -> {
				signIn("bob");
				EventService events = context.getBean(EventService.class);
				assertThatExceptionOfType(PermissionEvaluationException.class).isThrownBy(() -> events.update(7));
				assertThat(events.updates).isZero();
				assertThat(this.observations).hasSingleObservationThat()
					.hasLowCardinalityKeyValue("outcome", "error")
					.hasLowCardinalityKeyValue("permission", "event:update")
					.hasLowCardinalityKeyValue("cache", "none")
					.hasError(failure);
			});
	}

	@Test
	void aPermissionTheApplicationDoesNotNameIsNeverATag() {
		this.contextRunner.withBean(ObservationRegistry.class, () -> this.observations).run((context) -> {
			PermissionManager permissions = context.getBean(PermissionManager.class);
			String typed = "event:" + UUID.randomUUID();
			assertThat(permissions.check(Subject.of("bob"), typed, Resource.of("event", 7))).isFalse();
			assertThat(this.observations).hasSingleObservationThat()
				.hasLowCardinalityKeyValue("permission", "other")
				.hasLowCardinalityKeyValue("outcome", "deny");
			this.observations.clear();
			// a catalog entry names it
			assertThat(permissions.check(Subject.of("bob"), "reports", null)).isFalse();
			assertThat(this.observations).hasSingleObservationThat().hasLowCardinalityKeyValue("permission", "reports");
		});
	}

	@Test
	void withoutARegistryOrWithTheNoopOneTheEvaluatorIsAskedAsItIs() {
		this.contextRunner.run((context) -> assertThat(context.getBean(DecisionService.class).asksAtOnce()).isFalse());
		this.contextRunner.withBean(ObservationRegistry.class, () -> ObservationRegistry.NOOP)
			.run((context) -> assertThat(context.getBean(DecisionService.class).asksAtOnce()).isFalse());
		// a registry without a handler observes nothing either
		this.contextRunner.withBean(ObservationRegistry.class, ObservationRegistry::create)
			.run((context) -> assertThat(context.getBean(DecisionService.class).asksAtOnce()).isFalse());
		this.contextRunner.withBean(ObservationRegistry.class, () -> this.observations)
			.run((context) -> assertThat(context.getBean(DecisionService.class).asksAtOnce()).isTrue());
	}

	@Test
	void aRegistryWhosePredicatesTurnDecisionsOffLeavesThePathAsItIs() {
		// what Boot's management.observations.enable.permission-manager=false registers
		this.observations.observationConfig()
			.observationPredicate((name, observationContext) -> !name.startsWith("permission-manager"));
		this.contextRunner.withBean(ObservationRegistry.class, () -> this.observations).run((context) -> {
			assertThat(context.getBean(DecisionService.class).asksAtOnce()).isFalse();
			signIn("carol");
			assertThatExceptionOfType(PermissionDeniedException.class)
				.isThrownBy(() -> context.getBean(EventService.class).update(7));
			assertThat(this.observations).doesNotHaveAnyObservation();
		});
	}

	private static void signIn(String name) {
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken(name, "n/a", AuthorityUtils.createAuthorityList()));
	}

	static class EventService {

		int updates;

		@RequiresPermissions(value = "event:update", fetch = "eventId")
		public String update(long eventId) {
			this.updates++;
			return "updated " + eventId;
		}

	}

}
