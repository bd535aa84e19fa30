package io.github.permissionmanager.console;

import io.github.permissionmanager.decide.Roles;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the console is served and how it is guarded. The pages themselves are tested in
 * the sample, which enables the console.
 */
class PermissionConsoleAutoConfigurationTests {

	private final WebApplicationContextRunner web = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PermissionConsoleAutoConfiguration.class));

	@Test
	void consoleWhenNotEnabledThenNothingIsServed() {
		this.web.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(PermissionConsoleProperties.class)
			.doesNotHaveBean(GranteesController.class)
			.doesNotHaveBean("permissionConsoleSecurityFilterChain"));
	}

	@Test
	void consoleWhenEnabledOutsideAWebApplicationThenNothingIsServed() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(PermissionConsoleAutoConfiguration.class))
			.withPropertyValues("permission-manager.console.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(GranteesController.class));
	}

	@Test
	void consoleWhenPermissionManagerIsDisabledThenNothingIsServed() {
		this.web.withPropertyValues("permission-manager.enabled=false", "permission-manager.console.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(GranteesController.class));
	}

	@Test
	void pathWhenItIsAPatternThenTheStartFails() {
		this.web
			.withPropertyValues("permission-manager.console.enabled=true",
					"permission-manager.console.login-form=false", "permission-manager.console.path=/console/**")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("permission-manager.console.path must start with '/', not end with one")
				.hasMessageContaining("'/console/**'"));
	}

	@Test
	void permissionWhenEmptyThenTheStartFails() {
		this.web
			.withPropertyValues("permission-manager.console.enabled=true",
					"permission-manager.console.login-form=false", "permission-manager.console.permission= ")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("permission-manager.console.permission cannot be empty"));
	}

	@Test
	void pageSizeWhenOverTheAuditLogsLimitThenTheStartFails() {
		this.web
			.withPropertyValues("permission-manager.console.enabled=true",
					"permission-manager.console.login-form=false", "permission-manager.console.page-size=201")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("permission-manager.console.page-size must be 1 to 200, not 201"));
	}

	@Test
	void consoleWhenThereIsNoGrantStoreThenTheStartSaysSo() {
		this.web
			.withPropertyValues("permission-manager.console.enabled=true",
					"permission-manager.console.login-form=false")
			.withBean(Roles.class, Roles::none)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining(
						"permission-manager.console.enabled=true needs this application's own grant store"));
	}

	@Test
	void ruleWhenConsoleEnabledThenGuardsWithTheConfiguredPermission() {
		MockEnvironment environment = new MockEnvironment().withProperty("permission-manager.console.enabled", "true")
			.withProperty("permission-manager.console.permission", "console:open");
		new ConsoleRuleEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("permission-manager.rules.permissions-console.permissions[0]"))
			.isEqualTo("console:open");
	}

	@Test
	void ruleWhenConsoleEnabledWithoutAPermissionThenGuardsWithPermissionsAdmin() {
		MockEnvironment environment = new MockEnvironment().withProperty("permission-manager.console.enabled", "true");
		new ConsoleRuleEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("permission-manager.rules.permissions-console.permissions[0]"))
			.isEqualTo("permissions:admin");
	}

	@Test
	void ruleWhenApplicationWritesItThenTheApplicationsWins() {
		MockEnvironment environment = new MockEnvironment().withProperty("permission-manager.console.enabled", "true")
			.withProperty("permission-manager.rules.permissions-console.permissions[0]", "ops:console");
		new ConsoleRuleEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("permission-manager.rules.permissions-console.permissions[0]"))
			.isEqualTo("ops:console");
	}

	@Test
	void ruleWhenConsoleNotEnabledThenNotWritten() {
		MockEnvironment environment = new MockEnvironment();
		new ConsoleRuleEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources().contains(ConsoleRuleEnvironmentPostProcessor.PROPERTY_SOURCE))
			.isFalse();
	}

}
