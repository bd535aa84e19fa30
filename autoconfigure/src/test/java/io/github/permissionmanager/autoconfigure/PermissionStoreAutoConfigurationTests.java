package io.github.permissionmanager.autoconfigure;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import io.github.permissionmanager.Decision;
import io.github.permissionmanager.Grant;
import io.github.permissionmanager.GrantQuery;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionEvaluator;
import io.github.permissionmanager.PermissionGrants;
import io.github.permissionmanager.PermissionManager;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.decide.DecisionService;
import io.github.permissionmanager.decide.DefaultPermissionEvaluator;
import io.github.permissionmanager.decide.DefaultPermissionManager;
import io.github.permissionmanager.decide.GrantImplication;
import io.github.permissionmanager.decide.GrantSnapshotCache;
import io.github.permissionmanager.decide.Roles;
import io.github.permissionmanager.decide.SubjectGrants;
import io.github.permissionmanager.decide.SubjectGrantsLoader;
import io.github.permissionmanager.store.AuditLog;
import io.github.permissionmanager.store.CountingDataSource;
import io.github.permissionmanager.store.GranteeDirectory;
import io.github.permissionmanager.store.PermissionStoreSchemaInitializer;
import io.github.permissionmanager.store.StoreTables;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The store's auto-configuration: what it creates on a DataSource, and that every bean
 * backs off when the application declares its own.
 */
class PermissionStoreAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, PermissionStoreAutoConfiguration.class,
				PermissionManagerAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true");

	@Test
	void withADataSourceTheStoreIsCreatedAndChecksReadIt() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(PermissionStoreSchemaInitializer.class)
				.hasSingleBean(SubjectGrantsLoader.class)
				.hasSingleBean(GrantSnapshotCache.class)
				.hasSingleBean(PermissionGrants.class)
				.hasSingleBean(Roles.class)
				.hasSingleBean(DecisionService.class)
				.hasSingleBean(AuditLog.class)
				.hasSingleBean(GranteeDirectory.class);
			assertThat(context).getBean(PermissionEvaluator.class).isInstanceOf(DefaultPermissionEvaluator.class);
			assertThat(context).getBean(PermissionManager.class).isInstanceOf(DefaultPermissionManager.class);
			PermissionGrants grants = context.getBean(PermissionGrants.class);
			PermissionManager manager = context.getBean(PermissionManager.class);
			grants.grant(Grant.of(Grantee.user("bob"), "event:update").on("event", 7));
			assertThat(manager.check("bob", "event:update", Resource.of("event", 7))).isTrue();
			assertThat(manager.check("bob", "event:update", Resource.of("event", 8))).isFalse();
			assertThat(manager.objectIds(Subject.of("bob"), "event:update", "event")).containsExactly("7");
		});
	}

	@Test
	void rolesFromPropertiesAreExpandedForChecks() {
		this.contextRunner
			.withPropertyValues("permission-manager.roles.coorganizer=event:read,event:update,session:*",
					"permission-manager.roles.organizer=coorganizer,event:delete")
			.run((context) -> {
				context.getBean(PermissionGrants.class)
					.grant(Grant.of(Grantee.user("bob"), "organizer").on("event", 7));
				PermissionManager manager = context.getBean(PermissionManager.class);
				assertThat(manager.check("bob", "session:update", Resource.of("event", 7))).isTrue();
				assertThat(manager.check("bob", "event:delete", Resource.of("event", 7))).isTrue();
				assertThat(manager.check("bob", "event:create", Resource.of("event", 7))).isFalse();
				assertThat(context.getBean(PermissionGrants.class)
					.users(GrantQuery.builder().permissions("coorganizer").build())).containsExactly("bob");
			});
	}

	@Test
	void checksAndTheStoreShareOneGrantImplicationSoEachPermissionIsParsedOnce() {
		this.contextRunner.run((context) -> {
			GrantImplication implication = context.getBean(GrantImplication.class);
			assertThat(ReflectionTestUtils.getField(context.getBean(GrantSnapshotCache.class), "implication"))
				.isSameAs(implication);
			Object matcher = ReflectionTestUtils.getField(context.getBean(PermissionGrants.class), "matcher");
			assertThat(matcher).isNotNull();
			assertThat(ReflectionTestUtils.getField(matcher, "implication")).isSameAs(implication);
		});
	}

	@Test
	void roleCycleStopsTheApplicationWithAClearMessage() {
		this.contextRunner
			.withPropertyValues("permission-manager.roles.organizer=coorganizer",
					"permission-manager.roles.coorganizer=organizer")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("Invalid permission-manager.roles:")
				.hasMessageContaining("role cycle organizer -> coorganizer -> organizer"));
	}

	@Test
	void withoutADataSourceThereIsNoStoreAndChecksDeny() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(PermissionStoreAutoConfiguration.class,
					PermissionManagerAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(PermissionGrants.class)
					.doesNotHaveBean(GrantSnapshotCache.class)
					.doesNotHaveBean(PermissionEvaluator.class)
					.hasSingleBean(PermissionManager.class);
				PermissionManager manager = context.getBean(PermissionManager.class);
				assertThat(manager.check("bob", "event:read")).isFalse();
			});
	}

	@Test
	void theAuditLogAndTheDirectoryBackOffForTheApplicationsOwn() {
		AuditLog log = new AuditLog(mock(JdbcClient.class), new StoreTables("pm_"));
		GranteeDirectory directory = new GranteeDirectory(mock(JdbcClient.class), new StoreTables("pm_"));
		this.contextRunner.withBean(AuditLog.class, () -> log)
			.withBean(GranteeDirectory.class, () -> directory)
			.run((context) -> {
				assertThat(context).getBean(AuditLog.class).isSameAs(log);
				assertThat(context).getBean(GranteeDirectory.class).isSameAs(directory);
			});
	}

	@Test
	void disabledThenNothingIsCreated() {
		this.contextRunner.withPropertyValues("permission-manager.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PermissionGrants.class)
				.doesNotHaveBean(PermissionStoreSchemaInitializer.class)
				.doesNotHaveBean(AuditLog.class)
				.doesNotHaveBean(PermissionManager.class));
	}

	@Test
	void tablePrefixNamesTheTables() {
		this.contextRunner.withPropertyValues("permission-manager.store.table-prefix=acme_authz_").run((context) -> {
			JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
			assertThat(jdbc.sql("SELECT COUNT(*) FROM acme_authz_grants").query(Integer.class).single()).isZero();
			assertThat(jdbc.sql("SELECT COUNT(*) FROM acme_authz_memberships").query(Integer.class).single()).isZero();
			assertThat(jdbc.sql("SELECT COUNT(*) FROM acme_authz_audit").query(Integer.class).single()).isZero();
		});
	}

	@Test
	void tablePrefixWithSqlCharactersIsRejected() {
		this.contextRunner.withPropertyValues("permission-manager.store.table-prefix=pm; DROP TABLE x; --")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("table-prefix may only contain letters, digits and underscores"));
	}

	@Test
	void memoSizeOutsideItsRangeStopsTheStart() {
		// a negative size, or one whose table alone would take gigabytes of heap
		for (String size : new String[] { "-1", "16777217", "2147483647" }) {
			this.contextRunner.withPropertyValues("permission-manager.cache.memo-size=" + size)
				.run((context) -> assertThat(context).hasFailed()
					.getFailure()
					.rootCause()
					.hasMessage(
							"permission-manager.cache.memo-size must be between 0 (none) and 16777216, not " + size));
		}
		this.contextRunner.withPropertyValues("permission-manager.cache.memo-size=0")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void schemaScriptThatFailsStopsTheStartUnlessContinueOnErrorIsSet() {
		this.contextRunner
			.withPropertyValues("permission-manager.store.schema=classpath:storetest/broken-schema.sql",
					"permission-manager.store.initialize-schema=always")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("permissionStoreSchemaInitializer"));
		// the script's error is passed over: then the store finds no table of its own
		this.contextRunner.withPropertyValues("permission-manager.store.schema=classpath:storetest/broken-schema.sql",
				"permission-manager.store.initialize-schema=always", "permission-manager.store.continue-on-error=true")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageNotContaining("permissionStoreSchemaInitializer")
				.hasMessageContaining("'pm_changes' does not exist"));
	}

	@Test
	void initializeSchemaNeverCreatesNoTables() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:never-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		// and without the change log table (nor any other), the application does not
		// start
		this.contextRunner.withPropertyValues("permission-manager.store.initialize-schema=never")
			.withBean(DataSource.class, () -> dataSource)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("The permission change log table 'pm_changes' does not exist"));
		JdbcClient jdbc = JdbcClient.create(dataSource);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE LOWER(TABLE_NAME) LIKE 'pm_%'")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void storeStatementsUseTheEvaluationTimeout() {
		this.contextRunner.withPropertyValues("permission-manager.evaluation.timeout=1500ms")
			.withBean("countingDataSource", CountingDataSource.class,
					() -> new CountingDataSource(new DriverManagerDataSource("jdbc:h2:mem:timeout;DB_CLOSE_DELAY=-1")))
			.run((context) -> {
				CountingDataSource dataSource = context.getBean(CountingDataSource.class);
				dataSource.reset();
				context.getBean(PermissionManager.class).check("bob", "event:read");
				assertThat(dataSource.queryTimeouts()).containsExactly(2);
			});
	}

	@Test
	void cacheDisabledReadsTheStoreForEveryCheck() {
		this.contextRunner.withPropertyValues("permission-manager.cache.enabled=false")
			.withBean("countingDataSource", CountingDataSource.class,
					() -> new CountingDataSource(new DriverManagerDataSource("jdbc:h2:mem:uncached;DB_CLOSE_DELAY=-1")))
			.run((context) -> {
				CountingDataSource dataSource = context.getBean(CountingDataSource.class);
				PermissionManager manager = context.getBean(PermissionManager.class);
				dataSource.reset();
				manager.check("bob", "event:read");
				manager.check("bob", "event:read");
				assertThat(dataSource.executed()).isEqualTo(2);
			});
	}

	@Test
	void cacheEnabledReadsTheStoreOnceForRepeatedChecks() {
		this.contextRunner
			.withBean("countingDataSource", CountingDataSource.class,
					() -> new CountingDataSource(new DriverManagerDataSource("jdbc:h2:mem:cached;DB_CLOSE_DELAY=-1")))
			.run((context) -> {
				CountingDataSource dataSource = context.getBean(CountingDataSource.class);
				PermissionManager manager = context.getBean(PermissionManager.class);
				dataSource.reset();
				manager.check("bob", "event:read");
				manager.check("bob", "event:read");
				assertThat(dataSource.executed()).isEqualTo(1);
			});
	}

	@Test
	void userBeansReplaceEachDefault() {
		SubjectGrantsLoader loader = (user, groups) -> new SubjectGrants(Set.of(), List.of());
		GrantSnapshotCache cache = new GrantSnapshotCache(loader, Roles.none(), java.time.Clock.systemUTC(), null, 0);
		PermissionEvaluator evaluator = (request) -> Decision.allow("custom");
		PermissionGrants grants = mock(PermissionGrants.class);
		PermissionManager manager = mock(PermissionManager.class);
		Roles roles = Roles.none();
		PermissionStoreSchemaInitializer initializer = mock(PermissionStoreSchemaInitializer.class);
		given(initializer.initializeDatabase()).willReturn(false);
		this.contextRunner.withBean(SubjectGrantsLoader.class, () -> loader)
			.withBean(GrantSnapshotCache.class, () -> cache)
			.withBean(PermissionEvaluator.class, () -> evaluator)
			.withBean(PermissionGrants.class, () -> grants)
			.withBean(PermissionManager.class, () -> manager)
			.withBean(Roles.class, () -> roles)
			.withBean(PermissionStoreSchemaInitializer.class, () -> initializer)
			.run((context) -> {
				assertThat(context).getBean(SubjectGrantsLoader.class).isSameAs(loader);
				assertThat(context).getBean(GrantSnapshotCache.class).isSameAs(cache);
				assertThat(context).getBean(PermissionEvaluator.class).isSameAs(evaluator);
				assertThat(context).getBean(PermissionGrants.class).isSameAs(grants);
				assertThat(context).getBean(PermissionManager.class).isSameAs(manager);
				assertThat(context).getBean(Roles.class).isSameAs(roles);
				assertThat(context).getBean(PermissionStoreSchemaInitializer.class).isSameAs(initializer);
			});
	}

	@Test
	void userEvaluatorIsUsedByTheDefaultManager() {
		this.contextRunner.withBean(PermissionEvaluator.class, () -> (request) -> Decision.allow("custom"))
			.run((context) -> {
				assertThat(context).hasSingleBean(PermissionGrants.class);
				assertThat(context.getBean(PermissionManager.class).explain("bob", "event:read").reason())
					.isEqualTo("custom");
			});
	}

}
