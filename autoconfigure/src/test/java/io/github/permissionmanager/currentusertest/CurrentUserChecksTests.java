package io.github.permissionmanager.currentusertest;

import java.util.Set;

import io.github.permissionmanager.AuthenticationRequiredException;
import io.github.permissionmanager.Decision;
import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionDeniedException;
import io.github.permissionmanager.PermissionEvaluationException;
import io.github.permissionmanager.PermissionGrants;
import io.github.permissionmanager.PermissionManager;
import io.github.permissionmanager.RequiresPermissions;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.autoconfigure.PermissionEnforcementAutoConfiguration;
import io.github.permissionmanager.autoconfigure.PermissionManagerAutoConfiguration;
import io.github.permissionmanager.autoconfigure.PermissionStoreAutoConfiguration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The "current user" overloads of {@link PermissionManager} build the subject exactly as
 * a guarded call does: a group the user holds through an authority ({@code GROUP_staff})
 * counts as it does for {@code @RequiresPermissions}, where {@code Subject.of(name)}
 * loses it.
 */
class CurrentUserChecksTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, PermissionManagerAutoConfiguration.class,
				PermissionStoreAutoConfiguration.class, PermissionEnforcementAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true")
		.withBean(EventService.class);

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void objectIdsOfTheCurrentUserCountTheGroupsOfItsAuthoritiesAndOfTheStore() {
		this.runner.run((context) -> {
			PermissionGrants grants = context.getBean(PermissionGrants.class);
			grants.grant(Grant.of(Grantee.group("staff"), "event:read").on("event", 7));
			grants.grant(Grant.of(Grantee.group("speakers"), "event:read").on("event", 8));
			grants.grant(Grant.of(Grantee.user("bob"), "event:read").on("event", 9));
			grants.addMember("speakers", "bob");
			signIn("bob", "GROUP_staff");
			PermissionManager permissions = context.getBean(PermissionManager.class);
			assertThat(permissions.objectIds("event:read", "event")).containsExactlyInAnyOrder("7", "8", "9");
			// what the README's example did, and why it is gone: the authority group is
			// lost
			assertThat(permissions.objectIds(Subject.of("bob"), "event:read", "event")).containsExactlyInAnyOrder("8",
					"9");
		});
	}

	@Test
	void checkOfTheCurrentUserAgreesWithTheGuardedCall() {
		this.runner.run((context) -> {
			context.getBean(PermissionGrants.class)
				.grant(Grant.of(Grantee.group("staff"), "event:update").on("event", 7));
			signIn("bob", "GROUP_staff");
			PermissionManager permissions = context.getBean(PermissionManager.class);
			EventService events = context.getBean(EventService.class);
			assertThat(permissions.check("event:update", Resource.of("event", 7))).isTrue();
			assertThat(events.update(7)).isEqualTo("updated 7");
			assertThat(permissions.check("event:update", Resource.of("event", 8))).isFalse();
			assertThatExceptionOfType(PermissionDeniedException.class).isThrownBy(() -> events.update(8));
			assertThat(permissions.explain("event:update", Resource.of("event", 7)).reason()).contains("group 'staff'");
			assertThat(permissions.check("event:update")).isFalse();
			assertThat(permissions.currentSubject().groups()).containsExactly("staff");
		});
	}

	@Test
	void unscopedCheckOfTheCurrentUserReadsUnscopedGrants() {
		this.runner.run((context) -> {
			context.getBean(PermissionGrants.class).grant(Grant.of(Grantee.group("auditors"), "report:export"));
			signIn("carol", "GROUP_auditors");
			PermissionManager permissions = context.getBean(PermissionManager.class);
			assertThat(permissions.check("report:export")).isTrue();
			assertThat(permissions.explain("report:export").allowed()).isTrue();
		});
	}

	@Test
	void withoutAnAuthenticatedUserEveryCurrentUserOverloadRefusesWith401() {
		this.runner.run((context) -> {
			PermissionManager permissions = context.getBean(PermissionManager.class);
			assertThatExceptionOfType(AuthenticationRequiredException.class)
				.isThrownBy(() -> permissions.check("event:read", Resource.of("event", 7)));
			SecurityContextHolder.getContext()
				.setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
						AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
			assertThatExceptionOfType(AuthenticationRequiredException.class)
				.isThrownBy(() -> permissions.objectIds("event:read", "event"));
			signIn(" ");
			assertThatExceptionOfType(AuthenticationRequiredException.class)
				.isThrownBy(() -> permissions.explain("event:read"));
		});
	}

	@Test
	void managerOfTheApplicationWithoutACurrentUserRefusesRatherThanGuess() {
		PermissionManager own = new PermissionManager() {

			@Override
			public Decision explain(Subject subject, String permission, @Nullable Resource resource) {
				return Decision.allow("always");
			}

			@Override
			public Set<String> objectIds(Subject subject, String permission, String resourceType,
					@Nullable String tenant) {
				return Set.of();
			}

		};
		signIn("bob");
		assertThatExceptionOfType(PermissionEvaluationException.class).isThrownBy(() -> own.check("event:read"))
			.withMessageContaining("cannot read the current user");
	}

	private static void signIn(String name, String... authorities) {
		SecurityContextHolder.getContext()
			.setAuthentication(
					new TestingAuthenticationToken(name, "n/a", AuthorityUtils.createAuthorityList(authorities)));
	}

	static class EventService {

		@RequiresPermissions(value = "event:update", fetch = "eventId")
		public String update(long eventId) {
			return "updated " + eventId;
		}

	}

}
