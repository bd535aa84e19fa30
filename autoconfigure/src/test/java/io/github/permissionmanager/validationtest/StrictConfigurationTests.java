package io.github.permissionmanager.validationtest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.InvalidGrantException;
import io.github.permissionmanager.InvalidPermissionRulesException;
import io.github.permissionmanager.PermissionGrants;
import io.github.permissionmanager.RequiresPermissions;
import io.github.permissionmanager.autoconfigure.PermissionEnforcementAutoConfiguration;
import io.github.permissionmanager.autoconfigure.PermissionManagerAutoConfiguration;
import io.github.permissionmanager.autoconfigure.PermissionStoreAutoConfiguration;
import io.github.permissionmanager.decide.KnownPermissions;
import io.github.permissionmanager.decide.Roles;
import io.github.permissionmanager.enforcetest.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Typos never pass silently: unknown keys of a rule or a catalog entry stop the start,
 * every YAML rule is validated whether a method uses it or not, catalog keys must be
 * permissions, and with {@code permission-manager.permissions.strict=true} a grant must
 * name a role or a permission the application names.
 */
@ExtendWith(OutputCaptureExtension.class)
class StrictConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(PermissionManagerAutoConfiguration.class, PermissionEnforcementAutoConfiguration.class));

	private final ApplicationContextRunner jpaRunner = this.runner
		.withConfiguration(
				AutoConfigurations.of(DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class))
		.withUserConfiguration(Entities.class)
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:strict;DB_CLOSE_DELAY=-1",
				"spring.jpa.hibernate.ddl-auto=none");

	private final ApplicationContextRunner storeRunner = this.runner
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, PermissionStoreAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true",
				"permission-manager.roles.owner=task:update,task:delete")
		.withBean(TaskService.class);

	@Test
	void misspelledRuleKeyThenStartupFailsNamingIt() {
		this.runner
			.withPropertyValues("permission-manager.rules.task-project.fetch=project_id",
					"permission-manager.rules.task-project.methds=PATCH")
			.run((context) -> {
				UnboundConfigurationPropertiesException unbound = unbound(context);
				assertThat(unbound.getUnboundProperties()).extracting((property) -> property.getName().toString())
					.containsExactly("permission-manager.rules.task-project.methds");
			});
	}

	@Test
	void misspelledCatalogKeyThenStartupFailsNamingIt() {
		this.runner
			.withInitializer(properties("permission-manager.catalog[task:update].user-mesage=Ask the project owner.",
					"permission-manager.catalog[task:update].support-contact=help@example.org"))
			.run((context) -> assertThat(unbound(context).getUnboundProperties())
				.extracting((property) -> property.getName().toString())
				.containsExactly("permission-manager.catalog[task:update].user-mesage"));
	}

	@Test
	void everyKnownKeyInAnyFormThenStarts() {
		this.runner
			.withInitializer(properties("permission-manager.rules.r.permissions=task:update",
					"permission-manager.rules.r.logical=ANY", "permission-manager.rules.r.fetch[0]=project_id",
					"permission-manager.rules.r.fetchAs=project_id", "permission-manager.rules.r.resource=project",
					"permission-manager.rules.r.methods[0]=PATCH", "permission-manager.rules.r.methods[1]=DELETE",
					"permission-manager.rules.r.leave-if=#subject == null", "permission-manager.rules.r.check=true",
					"permission-manager.rules.r.optional=task:delete",
					"permission-manager.catalog[task:update].description=Rename a task",
					"permission-manager.catalog[task:update].data-management=Kept a year",
					"permission-manager.catalog[task:update].user-message=Ask",
					"permission-manager.catalog[task:update].resolution-steps[0]=Ask the owner",
					"permission-manager.catalog[task:update].support-contact=help@example.org"))
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void unusedRuleNamingAnUnknownEntityThenStartupFails() {
		this.jpaRunner
			.withPropertyValues("permission-manager.rules.task-project.fetch=project_id",
					"permission-manager.rules.task-project.model=Tsk")
			.run((context) -> assertThat(failure(context)).contains("rule 'task-project': unknown entity 'Tsk'"));
	}

	@Test
	void unusedRuleReadingAnAttributeTheEntityLacksThenStartupFails() {
		this.jpaRunner
			.withPropertyValues("permission-manager.rules.session-board.fetch=board_id",
					"permission-manager.rules.session-board.model=Session")
			.run((context) -> assertThat(failure(context)).contains("rule 'session-board':").contains("board_id"));
	}

	@Test
	void unusedRuleWithAModelAndNoJpaThenStartupFails() {
		this.runner
			.withPropertyValues("permission-manager.rules.task-project.fetch=project_id",
					"permission-manager.rules.task-project.model=Task")
			.run((context) -> assertThat(failure(context))
				.contains("rule 'task-project': model [Task] needs JPA, but there is no EntityManagerFactory"));
	}

	@Test
	void unusedRuleWithAModelButNoFetchThenStartupFails() {
		this.runner.withPropertyValues("permission-manager.rules.task-project.model=Task")
			.run((context) -> assertThat(failure(context)).contains(
					"rule 'task-project': fetch-as, model, fetch-key-url, fetch-key-model and resource need fetch"));
	}

	@Test
	void unusedRuleOnAKnownEntityThenStarts() {
		this.jpaRunner
			.withPropertyValues("permission-manager.rules.session-event.fetch=event_id",
					"permission-manager.rules.session-event.model=Session")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void catalogKeyThatIsNoPermissionThenStartupFails() {
		this.runner.withInitializer(properties("permission-manager.catalog[task::update].user-message=Ask"))
			.run((context) -> assertThat(failure(context))
				.contains("catalog entry 'task::update' is not a permission"));
	}

	@Test
	void catalogEntryNoMethodOrRuleRequiresThenWarned(CapturedOutput output) {
		this.runner.withBean(TaskService.class)
			.withInitializer(properties("permission-manager.catalog[task:update].user-message=Ask",
					"permission-manager.catalog[tsak:update].user-message=Ask"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("The catalog has entries for [tsak:update], which no @RequiresPermissions");
			});
	}

	@Test
	void strictRegistryRefusesAMisspelledRoleAndPermission() {
		this.storeRunner.withPropertyValues("permission-manager.permissions.strict=true").run((context) -> {
			PermissionGrants grants = context.getBean(PermissionGrants.class);
			assertThatExceptionOfType(InvalidGrantException.class)
				.isThrownBy(() -> grants.grant(Grant.of(Grantee.user("bob"), "ownr").on("project", 7)))
				.withMessageContaining("Unknown permission or role 'ownr'")
				.withMessageContaining("[owner]")
				.extracting(InvalidGrantException::getField)
				.isEqualTo("permission");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> grants.grant(Grant.of(Grantee.user("bob"), "task:updaet").on("project", 7)));
			assertThatIllegalArgumentException().isThrownBy(() -> grants
				.grantAll(List.of(Grant.of(Grantee.user("bob"), "owner"), Grant.of(Grantee.user("bob"), "tsk:*"))));
			assertThat(grants.permissionsOf(Grantee.user("bob"))).isEmpty();
		});
	}

	@Test
	void strictRegistryAcceptsRolesAnnotatedPermissionsAndTheirWildcardsAndInstances() {
		this.storeRunner
			.withInitializer(properties("permission-manager.permissions.strict=true",
					"permission-manager.catalog[report:export].user-message=Ask"))
			.run((context) -> {
				PermissionGrants grants = context.getBean(PermissionGrants.class);
				grants.grant(Grant.of(Grantee.user("bob"), "owner").on("project", 7));
				grants.grant(Grant.of(Grantee.user("bob"), "task:archive").on("project", 7));
				grants.grant(Grant.of(Grantee.user("bob"), "task:*").on("project", 8));
				grants.grant(Grant.of(Grantee.user("bob"), "task:archive:3"));
				grants.grant(Grant.of(Grantee.user("bob"), "report:export"));
				assertThat(grants.permissionsOf(Grantee.user("bob"))).hasSize(5);
			});
	}

	@Test
	void withoutStrictRegistryAnyWellFormedNameIsGranted() {
		this.storeRunner.run((context) -> {
			PermissionGrants grants = context.getBean(PermissionGrants.class);
			grants.grant(Grant.of(Grantee.user("bob"), "ownr").on("project", 7));
			assertThat(grants.permissionsOf(Grantee.user("bob"))).hasSize(1);
		});
	}

	@Test
	void strictRegistryBeforeStartupCompletesRefusesToGuess() {
		KnownPermissions known = new KnownPermissions(Roles.none(), List.of("task:update"));
		assertThatIllegalStateException().isThrownBy(() -> known.isKnown("task:update"))
			.withMessageContaining("grant in an ApplicationRunner or later");
	}

	// catalog keys hold ':', which withPropertyValues would take for the end of the key
	private static ApplicationContextInitializer<ConfigurableApplicationContext> properties(String... entries) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (String entry : entries) {
			int equals = entry.indexOf('=');
			map.put(entry.substring(0, equals), entry.substring(equals + 1));
		}
		return (context) -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("catalog-keys", map));
	}

	private static UnboundConfigurationPropertiesException unbound(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		Throwable failure = context.getStartupFailure();
		while (failure != null && !(failure instanceof BindException)) {
			failure = failure.getCause();
		}
		assertThat(failure).as("a BindException").isNotNull();
		assertThat(failure.getCause()).isInstanceOf(UnboundConfigurationPropertiesException.class);
		return (UnboundConfigurationPropertiesException) failure.getCause();
	}

	private static String failure(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		Throwable failure = context.getStartupFailure();
		while (failure != null && !(failure instanceof InvalidPermissionRulesException)) {
			failure = failure.getCause();
		}
		assertThat(failure).as("an InvalidPermissionRulesException").isNotNull();
		return failure.getMessage();
	}

	static class TaskService {

		@RequiresPermissions(value = "task:update", optional = "task:archive")
		public void rename(long projectId) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = Session.class)
	static class Entities {

	}

}
