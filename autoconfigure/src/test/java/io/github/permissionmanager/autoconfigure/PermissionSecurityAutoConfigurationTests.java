package io.github.permissionmanager.autoconfigure;

import java.io.Serializable;

import io.github.permissionmanager.Decision;
import io.github.permissionmanager.DomainResourceResolver;
import io.github.permissionmanager.PermissionAuthorizations;
import io.github.permissionmanager.enforce.GuardVerdicts;
import io.github.permissionmanager.security.AuthorizationDeniedProblemResolver;
import io.github.permissionmanager.security.AuthorizationEventVerdicts;
import io.github.permissionmanager.security.PermissionAccessDeniedHandler;
import io.github.permissionmanager.security.HasPermissionEvaluator;
import io.github.permissionmanager.security.PermissionChecks;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.PermissionEvaluator;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.Authentication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spring Security bridges: the {@code hasPermission} evaluator always, the expression
 * handler only with {@code @EnableMethodSecurity}, request rules and problem responses in
 * a servlet application only, authorization events unless switched off; each backs off,
 * and the master switch turns them off.
 */
class PermissionSecurityAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PermissionManagerAutoConfiguration.class,
				PermissionEnforcementAutoConfiguration.class, PermissionSecurityAutoConfiguration.class))
		.withBean(io.github.permissionmanager.PermissionEvaluator.class,
				() -> (request) -> request.subject().id().equals("bob") ? Decision.allow("bob")
						: Decision.deny("not bob"));

	@Test
	void providesTheHasPermissionEvaluator() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(HasPermissionEvaluator.class)
			.hasSingleBean(PermissionChecks.class)
			.hasSingleBean(DomainResourceResolver.class)
			.doesNotHaveBean(MethodSecurityExpressionHandler.class)
			.doesNotHaveBean(AuthorizationDeniedProblemResolver.class));
	}

	@Test
	void withMethodSecurityTheExpressionHandlerAsksPermissionManager() {
		this.runner.withUserConfiguration(MethodSecurity.class).run((context) -> {
			assertThat(context).hasSingleBean(MethodSecurityExpressionHandler.class);
			DefaultMethodSecurityExpressionHandler handler = (DefaultMethodSecurityExpressionHandler) context
				.getBean(MethodSecurityExpressionHandler.class);
			PermissionEvaluator evaluator = (PermissionEvaluator) org.springframework.test.util.ReflectionTestUtils
				.getField(handler, "permissionEvaluator");
			assertThat(evaluator.hasPermission(authenticated("bob"), 7, "event", "event:read")).isTrue();
			assertThat(evaluator.hasPermission(authenticated("carol"), 7, "event", "event:read")).isFalse();
		});
	}

	@Test
	void expressionHandlerBacksOff() {
		DefaultMethodSecurityExpressionHandler mine = new DefaultMethodSecurityExpressionHandler();
		this.runner.withUserConfiguration(MethodSecurity.class)
			.withBean("mine", MethodSecurityExpressionHandler.class, () -> mine)
			.run((context) -> assertThat(context).getBean(MethodSecurityExpressionHandler.class).isSameAs(mine));
	}

	@Test
	void hasPermissionEvaluatorBacksOffAndTheHandlerUsesTheApplicationsOwn() {
		this.runner.withUserConfiguration(MethodSecurity.class)
			.withBean("mine", PermissionEvaluator.class, AllowAll::new)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(HasPermissionEvaluator.class);
				PermissionEvaluator evaluator = (PermissionEvaluator) org.springframework.test.util.ReflectionTestUtils
					.getField(context.getBean(MethodSecurityExpressionHandler.class), "permissionEvaluator");
				assertThat(evaluator.hasPermission(authenticated("carol"), 7, "event", "event:read")).isTrue();
			});
	}

	@Test
	void domainResourceResolverBacksOff() {
		DomainResourceResolver mine = (object) -> null;
		this.runner.withBean("mine", DomainResourceResolver.class, () -> mine)
			.run((context) -> assertThat(context).getBean(DomainResourceResolver.class).isSameAs(mine));
	}

	@Test
	void disabledProvidesNothing() {
		this.runner.withUserConfiguration(MethodSecurity.class)
			.withPropertyValues("permission-manager.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(HasPermissionEvaluator.class)
				.doesNotHaveBean(MethodSecurityExpressionHandler.class));
	}

	@Test
	void servletApplicationGetsProblemResponsesRequestRulesAndTheirAccessDeniedHandler() {
		this.servlet.run((context) -> assertThat(context).hasSingleBean(AuthorizationDeniedProblemResolver.class)
			.hasSingleBean(PermissionAccessDeniedHandler.class)
			.hasBean("permissionExceptionHandlingCustomizer")
			.getBean("permissions")
			.isInstanceOf(PermissionAuthorizations.class));
	}

	@Test
	void permissionsBeanBacksOffForAnotherBeanOfThatName() {
		this.servlet.withBean("permissions", String.class, () -> "mine")
			.run((context) -> assertThat(context).doesNotHaveBean(PermissionAuthorizations.class)
				.getBean("permissions")
				.isEqualTo("mine"));
	}

	@Test
	void noRequestRulesOutsideAServletApplication() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(PermissionAuthorizations.class)
			.doesNotHaveBean(PermissionAccessDeniedHandler.class));
	}

	@Test
	void authorizationEventsFromInsideTheGuardUnlessSwitchedOff() {
		// the guard tells its verdicts itself: no advice of their own around it
		this.runner.run((context) -> assertThat(context).hasSingleBean(AuthorizationEventVerdicts.class)
			.hasBean("permissionAuthorizationEvents")
			.doesNotHaveBean("permissionAuthorizationEventsAdvisor")
			.doesNotHaveBean("permissionAuthorizationPassedAdvisor"));
		this.runner.withPropertyValues("permission-manager.security.authorization-events=false")
			.run((context) -> assertThat(context).doesNotHaveBean(GuardVerdicts.class));
	}

	@Test
	void authorizationEventsBackOffForTheApplicationsVerdicts() {
		this.runner.withBean(GuardVerdicts.class, () -> GuardVerdicts.NONE)
			.run((context) -> assertThat(context).doesNotHaveBean(AuthorizationEventVerdicts.class)
				.getBean(GuardVerdicts.class)
				.isSameAs(GuardVerdicts.NONE));
	}

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PermissionManagerAutoConfiguration.class,
				PermissionEnforcementAutoConfiguration.class, PermissionWebAutoConfiguration.class,
				PermissionSecurityAutoConfiguration.class))
		.withBean(io.github.permissionmanager.PermissionEvaluator.class, () -> (request) -> Decision.deny("no"));

	private static Authentication authenticated(String name) {
		return new TestingAuthenticationToken(name, "n/a", "ROLE_USER");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableMethodSecurity
	static class MethodSecurity {

	}

	static class AllowAll implements PermissionEvaluator {

		@Override
		public boolean hasPermission(Authentication authentication, Object target, Object permission) {
			return true;
		}

		@Override
		public boolean hasPermission(Authentication authentication, Serializable id, String type, Object permission) {
			return true;
		}

	}

}
