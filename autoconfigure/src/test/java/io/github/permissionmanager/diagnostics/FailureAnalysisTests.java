package io.github.permissionmanager.diagnostics;

import io.github.permissionmanager.RequiresPermissions;
import io.github.permissionmanager.autoconfigure.PermissionEnforcementAutoConfiguration;
import io.github.permissionmanager.autoconfigure.PermissionManagerAutoConfiguration;
import io.github.permissionmanager.autoconfigure.PermissionStoreAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * What Spring Boot prints when Permission Manager cannot start: a description naming the
 * method or YAML rule and the bad value, and an action saying what to write instead, in
 * place of a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class FailureAnalysisTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(PermissionManagerAutoConfiguration.class, PermissionEnforcementAutoConfiguration.class));

	@Test
	void analyzersAreRegisteredForSpringBoot() {
		// Boot's own analyzers need a bean factory to be built: skip those
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, FailureHandler.handleMessage((message, failure) -> {
			}))).hasAtLeastOneElementOfType(InvalidPermissionRulesFailureAnalyzer.class)
			.hasAtLeastOneElementOfType(InvalidRolesFailureAnalyzer.class)
			.hasAtLeastOneElementOfType(StoreConfigurationFailureAnalyzer.class)
			.hasAtLeastOneElementOfType(UnknownKeysFailureAnalyzer.class);
	}

	@Test
	void invalidRulesNameTheMethodTheRuleAndTheBadValueAndSayWhatToWrite() {
		this.runner.withBean(Tasks.class)
			.withPropertyValues("permission-manager.rules.task-project.fetch=project_id",
					"permission-manager.rules.task-project.methods=PATCHH")
			.run((context) -> {
				FailureAnalysis analysis = new InvalidPermissionRulesFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains(Tasks.class.getName() + "#rename: unknown rule 'tsk'")
					.contains("rule 'task-project': unknown HTTP method 'PATCHH' in methods")
					.contains(Tasks.class.getName() + "#archive: value has a malformed permission 'task::archive'");
				assertThat(analysis.getAction())
					.contains("Define the rule under permission-manager.rules.<name>, or correct the rule's name")
					.contains("List HTTP methods in methods: GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS or TRACE")
					.contains("Write a permission as parts separated by ':' (event:read)");
			});
	}

	@Test
	void roleCycleIsDescribedWithTheCycleAndHowToBreakIt() {
		this.runner.withPropertyValues("permission-manager.roles.owner=editor", "permission-manager.roles.editor=owner")
			.run((context) -> {
				FailureAnalysis analysis = new InvalidRolesFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).startsWith("Invalid permission-manager.roles:")
					.contains("role cycle owner -> editor -> owner");
				assertThat(analysis.getAction()).contains("never itself through them");
			});
	}

	@Test
	void storeMisconfigurationIsDescribedWithTheFix() {
		this.runner
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					DataSourceTransactionManagerAutoConfiguration.class, PermissionStoreAutoConfiguration.class))
			.withPropertyValues("spring.datasource.generate-unique-name=true",
					"permission-manager.store.platform=oracle", "permission-manager.store.initialize-schema=always")
			.run((context) -> {
				FailureAnalysis analysis = new StoreConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).isEqualTo("Permission Manager's grant store cannot work: "
						+ "permission-manager.store.platform is 'oracle', which has no schema script.");
				assertThat(analysis.getAction())
					.startsWith("Set permission-manager.store.platform to one of [h2, postgresql, mariadb, mysql]");
			});
	}

	@Test
	void missingChangeLogTableIsDescribedWithTheScriptThatCreatesIt() {
		this.runner
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					DataSourceTransactionManagerAutoConfiguration.class, PermissionStoreAutoConfiguration.class))
			.withPropertyValues("spring.datasource.generate-unique-name=true",
					"permission-manager.store.initialize-schema=never")
			.run((context) -> {
				FailureAnalysis analysis = new StoreConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription())
					.startsWith("Permission Manager's grant store cannot work: The permission change log table "
							+ "'pm_changes' does not exist")
					.doesNotEndWith("..");
				assertThat(analysis.getAction()).contains("permission-manager.store.initialize-schema=always")
					.contains("schema-h2.sql")
					.doesNotEndWith("..");
			});
	}

	@Test
	void applicationThatCannotStartPrintsTheAnalysisNotAStackTrace(CapturedOutput output) {
		SpringApplication application = new SpringApplication(BrokenApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run("--spring.main.banner-mode=off"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Description:")
			.contains("#rename: unknown rule 'tsk' (known: [])")
			.contains("Action:")
			.contains("Define the rule under permission-manager.rules.<name>")
			.doesNotContain("Application run failed")
			.doesNotContain("\tat ");
	}

	@Test
	void misspelledRuleKeyIsReportedByBootWithTheKey(CapturedOutput output) {
		SpringApplication application = new SpringApplication(RuleOnlyApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run("--spring.main.banner-mode=off",
				"--permission-manager.rules.task-project.fetch=project_id",
				"--permission-manager.rules.task-project.methds=PATCH"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Permission Manager does not know these keys, so it would ignore them:")
			.contains(
					" - permission-manager.rules.task-project.methds (\"permission-manager.rules.task-project.methds\" "
							+ "from property source \"commandLineArgs\")")
			.contains("Action:")
			.contains(
					"the keys of a rule are attributes, check, fetch, fetch-as, fetch-key-model, fetch-key-url, leave-if, "
							+ "logical, methods, model, optional, permissions, resource")
			.doesNotContain("Application run failed")
			.doesNotContain("\tat ");
	}

	static class Tasks {

		@RequiresPermissions(rule = "tsk")
		public void rename(long projectId) {
		}

		@RequiresPermissions("task::archive")
		public void archive(long projectId) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ PermissionManagerAutoConfiguration.class, PermissionEnforcementAutoConfiguration.class })
	static class BrokenApplication {

		@Bean
		BrokenTasks tasks() {
			return new BrokenTasks();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ PermissionManagerAutoConfiguration.class, PermissionEnforcementAutoConfiguration.class })
	static class RuleOnlyApplication {

	}

	static class BrokenTasks {

		@RequiresPermissions(rule = "tsk")
		public void rename(long projectId) {
		}

	}

}
