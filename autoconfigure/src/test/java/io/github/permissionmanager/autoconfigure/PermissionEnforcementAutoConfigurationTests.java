package io.github.permissionmanager.autoconfigure;

import java.util.function.Supplier;

import io.github.permissionmanager.RequiresPermissions;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.TenantResolver;
import io.github.permissionmanager.decide.DecisionService;
import io.github.permissionmanager.enforce.DisabledGuardsWarning;
import io.github.permissionmanager.enforce.PermissionAdvisor;
import io.github.permissionmanager.enforce.PermissionEnforcer;
import io.github.permissionmanager.enforce.PermissionInterceptor;
import io.github.permissionmanager.enforce.RuleRegistry;
import io.github.permissionmanager.enforce.RuleValidator;
import io.github.permissionmanager.SubjectResolver;
import io.github.permissionmanager.resolve.ContextResolver;
import io.github.permissionmanager.resolve.JpaModelQueries;
import io.github.permissionmanager.resolve.ModelQueries;
import io.github.permissionmanager.resolve.ResolutionPlanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.convert.support.DefaultConversionService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.mock;

/**
 * The enforcement auto-configuration: what it provides, that each bean backs off when the
 * application declares its own, and the master switch.
 */
@ExtendWith(OutputCaptureExtension.class)
class PermissionEnforcementAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(PermissionManagerAutoConfiguration.class, PermissionEnforcementAutoConfiguration.class));

	@Test
	void providesTheEnforcementPathAndProxiesGuardedBeans() {
		this.runner.withBean(Guarded.class).run((context) -> {
			assertThat(context).hasSingleBean(PermissionAdvisor.class)
				.hasSingleBean(ResolutionPlanner.class)
				.hasSingleBean(RuleRegistry.class)
				.hasSingleBean(RuleValidator.class)
				.hasSingleBean(ContextResolver.class)
				.hasSingleBean(SubjectResolver.class)
				.hasSingleBean(TenantResolver.class)
				.hasSingleBean(PermissionEnforcer.class)
				.doesNotHaveBean(ModelQueries.class);
			assertThat(AopUtils.isAopProxy(context.getBean(Guarded.class))).isTrue();
		});
	}

	@Test
	void providesJpaLookupsWhenTheApplicationHasJpa() {
		this.runner
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:autoconfig;DB_CLOSE_DELAY=-1")
			.run((context) -> assertThat(context).getBean(ModelQueries.class).isInstanceOf(JpaModelQueries.class));
	}

	@Test
	void disabledProvidesNothingAndProxiesNothing() {
		this.runner.withBean(Guarded.class).withPropertyValues("permission-manager.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(PermissionAdvisor.class)
				.doesNotHaveBean(RuleRegistry.class)
				.doesNotHaveBean(RuleValidator.class)
				.doesNotHaveBean(PermissionEnforcer.class)
				.doesNotHaveBean(DecisionService.class);
			assertThat(AopUtils.isAopProxy(context.getBean(Guarded.class))).isFalse();
		});
	}

	@Test
	void disabledSaysHowManyGuardedMethodsRunUnchecked(CapturedOutput output) {
		ApplicationContextRunner withSwitch = this.runner
			.withConfiguration(AutoConfigurations.of(PermissionDisabledAutoConfiguration.class));
		withSwitch.withBean(Guarded.class).withPropertyValues("permission-manager.enabled=false").run((context) -> {
			assertThat(context).hasSingleBean(DisabledGuardsWarning.class);
			assertThat(output).contains("Permission Manager is switched off (permission-manager.enabled=false): 1"
					+ " @RequiresPermissions method(s) of 1 bean(s) run without any check");
		});
		withSwitch.withBean(Guarded.class)
			.run((context) -> assertThat(context).doesNotHaveBean(DisabledGuardsWarning.class));
	}

	@Test
	void advisorBacksOff() {
		PermissionAdvisor mine = new PermissionAdvisor(new PermissionInterceptor(fail(), fail()));
		assertBacksOff(PermissionAdvisor.class, () -> mine);
	}

	@Test
	void resolutionPlannerBacksOff() {
		assertBacksOff(ResolutionPlanner.class, () -> new ResolutionPlanner(null));
	}

	@Test
	void ruleRegistryBacksOff() {
		assertBacksOff(RuleRegistry.class, () -> new RuleRegistry(java.util.Map.of(), new ResolutionPlanner(null)));
	}

	@Test
	void ruleValidatorBacksOff() {
		this.runner
			.withBean("myValidator", RuleValidator.class,
					() -> new RuleValidator(new org.springframework.beans.factory.support.DefaultListableBeanFactory(),
							new RuleRegistry(java.util.Map.of(), new ResolutionPlanner(null))))
			.run((context) -> assertThat(context).hasSingleBean(RuleValidator.class).hasBean("myValidator"));
	}

	@Test
	void contextResolverBacksOff() {
		assertBacksOff(ContextResolver.class,
				() -> new ContextResolver(null, DefaultConversionService.getSharedInstance(), false));
	}

	@Test
	void subjectResolverBacksOff() {
		assertBacksOff(SubjectResolver.class, () -> (authentication) -> Subject.of("fixed"));
	}

	@Test
	void tenantResolverBacksOff() {
		assertBacksOff(TenantResolver.class, () -> (subject, context) -> "acme");
	}

	@Test
	void enforcerBacksOff() {
		assertBacksOff(PermissionEnforcer.class, () -> mock(PermissionEnforcer.class));
	}

	@Test
	void modelQueriesBacksOff() {
		ModelQueries mine = mock(ModelQueries.class);
		this.runner
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:backoff;DB_CLOSE_DELAY=-1")
			.withBean("myModelQueries", ModelQueries.class, () -> mine)
			.run((context) -> assertThat(context).getBean(ModelQueries.class).isSameAs(mine));
	}

	private <T> void assertBacksOff(Class<T> type, Supplier<T> supplier) {
		T mine = supplier.get();
		this.runner.withBean("mine", type, () -> mine)
			.run((context) -> assertThat(context).getBean(type).isSameAs(mine));
	}

	private static <T> Supplier<T> fail() {
		return () -> {
			throw new IllegalStateException("not used");
		};
	}

	static class Guarded {

		@RequiresPermissions("event:read")
		public void read() {
		}

	}

}
