package io.github.permissionmanager.autoconfigure;

import java.util.List;

import io.github.permissionmanager.Decision;
import io.github.permissionmanager.PermissionEvaluator;
import io.github.permissionmanager.PermissionManager;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.caller.CurrentCaller;
import io.github.permissionmanager.decide.KnownPermissions;
import io.github.permissionmanager.decide.Roles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContextImpl;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class PermissionManagerAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PermissionManagerAutoConfiguration.class));

	@Test
	void withoutAnyEvaluatorEveryCheckIsDeniedAndAWarningSaysWhy(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			PermissionManager permissions = context.getBean(PermissionManager.class);
			Decision decision = permissions.explain("bob", "event:read", Resource.of("event", 7));
			assertThat(decision.allowed()).isFalse();
			assertThat(decision.reason()).isEqualTo("no PermissionEvaluator is configured");
			assertThat(permissions.check("bob", "event:read")).isFalse();
		});
		assertThat(output).contains("Permission Manager denies every check: no PermissionEvaluator is configured");
	}

	@Test
	void evaluatorOfTheApplicationIsUsedAndNoWarningIsLogged(CapturedOutput output) {
		this.contextRunner.withBean(PermissionEvaluator.class, () -> (request) -> Decision.allow("test evaluator"))
			.run((context) -> assertThat(context.getBean(PermissionManager.class).check("bob", "event:read")).isTrue());
		assertThat(output).doesNotContain("denies every check");
	}

	@Test
	void callerIsReadThroughADeclaredSecurityContextHolderStrategyAndTrustResolver() {
		SecurityContext bob = new SecurityContextImpl(
				UsernamePasswordAuthenticationToken.authenticated("bob", null, AuthorityUtils.NO_AUTHORITIES));
		SecurityContextHolderStrategy strategy = new SecurityContextHolderStrategy() {

			@Override
			public void clearContext() {
			}

			@Override
			public SecurityContext getContext() {
				return bob;
			}

			@Override
			public void setContext(SecurityContext context) {
			}

			@Override
			public SecurityContext createEmptyContext() {
				return new SecurityContextImpl();
			}

		};
		this.contextRunner.withBean(SecurityContextHolderStrategy.class, () -> strategy).run((context) -> {
			assertThat(context).hasSingleBean(CurrentCaller.class);
			assertThat(context.getBean(CurrentCaller.class).name()).isEqualTo("bob");
		});
		AuthenticationTrustResolver everyoneAnonymous = new AuthenticationTrustResolverImpl() {

			@Override
			public boolean isAnonymous(Authentication authentication) {
				return true;
			}

		};
		this.contextRunner.withBean(SecurityContextHolderStrategy.class, () -> strategy)
			.withBean(AuthenticationTrustResolver.class, () -> everyoneAnonymous)
			.run((context) -> assertThat(context.getBean(CurrentCaller.class).name()).isNull());
	}

	@Test
	void currentCallerOfTheApplicationBacksOff() {
		CurrentCaller mine = new CurrentCaller();
		this.contextRunner.withBean(CurrentCaller.class, () -> mine)
			.run((context) -> assertThat(context.getBean(CurrentCaller.class)).isSameAs(mine));
	}

	@Test
	void permissionRegistryKnowsTheRulesAndRolesAndBacksOff() {
		this.contextRunner
			.withPropertyValues("permission-manager.rules.r.permissions=task:update",
					"permission-manager.roles.owner=report:read")
			.run((context) -> {
				KnownPermissions known = context.getBean(KnownPermissions.class);
				known.complete();
				assertThat(known.isKnown("task:update")).isTrue();
				assertThat(known.isKnown("report:*")).isTrue();
				assertThat(known.isKnown("owner")).isTrue();
				assertThat(known.isKnown("ownr")).isFalse();
			});
		// a decision point's callers are granted its own permissions, strict registry or
		// not
		this.contextRunner.withPropertyValues("permission-manager.pdp.enabled=true").run((context) -> {
			KnownPermissions known = context.getBean(KnownPermissions.class);
			known.complete();
			assertThat(known.isKnown("pdp:check")).isTrue();
			assertThat(known.isKnown("pdp:explain")).isTrue();
			assertThat(known.isKnown("pdp:list")).isTrue();
		});
		KnownPermissions mine = new KnownPermissions(Roles.none(), List.of());
		this.contextRunner.withBean(KnownPermissions.class, () -> mine)
			.run((context) -> assertThat(context.getBean(KnownPermissions.class)).isSameAs(mine));
	}

}
