package io.github.permissionmanager.autoconfigure;

import java.util.UUID;

import javax.sql.DataSource;

import io.github.permissionmanager.ConsistencyToken;
import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionGrants;
import io.github.permissionmanager.decide.GrantSnapshotCache;
import io.github.permissionmanager.store.ChangeLog;
import io.github.permissionmanager.store.MissingChangeLogTableException;
import io.github.permissionmanager.store.PermissionStoreSchemaInitializer;
import io.github.permissionmanager.store.StoreTables;
import io.github.permissionmanager.store.StoreConfigurationException;
import io.github.permissionmanager.sync.ChangeFollower;
import io.github.permissionmanager.sync.PostgresChangeListener;
import io.github.permissionmanager.sync.RedisChangeListener;
import io.github.permissionmanager.sync.RedisChangeSignal;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The change log follower's auto-configuration: on by default on the JDBC store, off with
 * {@code mode=none} or without a cache, and a mode whose infrastructure is missing, a
 * missing change log table or a bound it cannot meet stops the application with a message
 * saying why.
 */
class PermissionSyncAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, PermissionStoreAutoConfiguration.class,
				PermissionManagerAutoConfiguration.class, PermissionSyncAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true");

	@Test
	void withTheJdbcStoreAFollowerPollsTheChangeLogAndBoundsTheCacheTrust() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ChangeLog.class)
				.hasSingleBean(ChangeFollower.class)
				.doesNotHaveBean(PostgresChangeListener.class)
				.doesNotHaveBean(RedisChangeSignal.class);
			assertThat(context.getBean(ChangeFollower.class).isRunning()).isTrue();
		});
	}

	@Test
	void modeNoneHasNoFollower() {
		this.contextRunner.withPropertyValues("permission-manager.cache.sync.mode=none").run((context) -> {
			assertThat(context).hasSingleBean(ChangeLog.class).doesNotHaveBean(ChangeFollower.class);
			// nothing bounds the cache then: the TTL is the only limit, as documented
			assertThat(context.getBean(GrantSnapshotCache.class).trust().isTrusted()).isTrue();
		});
	}

	@Test
	void withoutACacheNoFollowerRunsAndChangesStillWriteTheChangeLog() {
		this.contextRunner.withPropertyValues("permission-manager.cache.enabled=false").run((context) -> {
			assertThat(context).hasSingleBean(ChangeLog.class).doesNotHaveBean(ChangeFollower.class);
			ConsistencyToken token = context.getBean(PermissionGrants.class)
				.grant(Grant.of(Grantee.user("bob"), "note:read"));
			assertThat(JdbcClient.create(context.getBean(DataSource.class))
				.sql("SELECT grantee_name FROM pm_changes WHERE id = :id")
				.param("id", token.position())
				.query(String.class)
				.single()).isEqualTo("bob");
		});
	}

	@Test
	void cacheWithAZeroTtlOrSizeHasNoFollower() {
		this.contextRunner.withPropertyValues("permission-manager.cache.ttl=0s")
			.run((context) -> assertThat(context).hasSingleBean(ChangeLog.class).doesNotHaveBean(ChangeFollower.class));
		this.contextRunner.withPropertyValues("permission-manager.cache.maximum-size=0")
			.run((context) -> assertThat(context).hasSingleBean(ChangeLog.class).doesNotHaveBean(ChangeFollower.class));
	}

	@Test
	void withoutACacheRedisModeStillPublishesForTheOthersButDoesNotSubscribe() {
		this.contextRunner
			.withConfiguration(AutoConfigurations
				.of(org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration.class))
			.withPropertyValues("permission-manager.cache.sync.mode=redis", "spring.data.redis.port=1",
					"permission-manager.cache.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(RedisChangeSignal.class)
				.doesNotHaveBean(RedisChangeListener.class)
				.doesNotHaveBean(ChangeFollower.class));
	}

	@Test
	void missingChangeLogTableStopsTheApplicationNamingTheTableAndTheFix() {
		this.contextRunner.withPropertyValues("permission-manager.store.initialize-schema=never")
			.withBean(DataSource.class, () -> storeWithout("pm_changes"))
			.run((context) -> {
				assertThat(context).hasFailed();
				MissingChangeLogTableException missing = cause(context.getStartupFailure(),
						MissingChangeLogTableException.class);
				assertThat(missing.getTable()).isEqualTo("pm_changes");
				assertThat(missing.getSchemaScript())
					.isEqualTo("classpath:io/github/permissionmanager/store/schema-h2.sql");
				assertThat(missing)
					.hasMessageStartingWith(
							"The permission change log table 'pm_changes' does not exist or cannot be read (")
					.hasMessageContaining("Set permission-manager.store.initialize-schema=always to run "
							+ "classpath:io/github/permissionmanager/store/schema-h2.sql at startup")
					.hasMessageEndingWith("add that script's statements for 'pm_changes' to your migrations (with the "
							+ "table names of permission-manager.store.table-prefix).");
			});
	}

	@Test
	void missingFollowersTableStopsAnInstanceThatFollowsButNotOneThatDoesNot() {
		this.contextRunner
			.withPropertyValues("permission-manager.store.initialize-schema=never",
					"permission-manager.store.table-prefix=app_")
			.withBean(DataSource.class, () -> storeWithout("app_followers"))
			.run((context) -> assertThat(
					cause(context.getStartupFailure(), MissingChangeLogTableException.class).getTable())
				.isEqualTo("app_followers"));
		this.contextRunner
			.withPropertyValues("permission-manager.store.initialize-schema=never",
					"permission-manager.store.table-prefix=app_", "permission-manager.cache.sync.mode=none")
			.withBean(DataSource.class, () -> storeWithout("app_followers"))
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(ChangeLog.class));
	}

	@Test
	void databaseThatDoesNotAnswerAtStartupIsNotAMissingTable() {
		this.contextRunner.withPropertyValues("permission-manager.store.initialize-schema=never")
			.withBean(DataSource.class, () -> new DriverManagerDataSource("jdbc:h2:tcp://127.0.0.1:1/nothing-here"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ChangeLog.class)
				.hasSingleBean(ChangeFollower.class));
	}

	private static DataSource storeWithout(String table) {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		PermissionStoreSchemaInitializer initializer = new PermissionStoreSchemaInitializer(dataSource,
				DatabaseInitializationMode.ALWAYS, "h2", new StoreTables(table.substring(0, table.indexOf('_') + 1)));
		initializer.setResourceLoader(new DefaultResourceLoader());
		initializer.initializeDatabase();
		JdbcClient.create(dataSource).sql("DROP TABLE " + table).update();
		return dataSource;
	}

	private static <T extends Throwable> T cause(@Nullable Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		throw new AssertionError("no " + type.getSimpleName() + " in " + failure, failure);
	}

	@Test
	void followerBacksOffForTheApplicationsOwn() {
		ChangeFollower own = mock(ChangeFollower.class);
		this.contextRunner.withBean(ChangeFollower.class, () -> own)
			.run((context) -> assertThat(context).getBean(ChangeFollower.class).isSameAs(own));
	}

	@Test
	void postgresModeOnAnotherDatabaseStopsTheApplication() {
		this.contextRunner.withPropertyValues("permission-manager.cache.sync.mode=postgres")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(StoreConfigurationException.class)
				.hasMessageStartingWith(
						"permission-manager.cache.sync.mode=postgres needs the grant store on PostgreSQL, and it is on H2"));
	}

	@Test
	void redisModeWithoutARedisConnectionFactoryStopsTheApplication() {
		this.contextRunner.withPropertyValues("permission-manager.cache.sync.mode=redis")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(StoreConfigurationException.class)
				.hasMessageStartingWith("permission-manager.cache.sync.mode=redis needs a RedisConnectionFactory"));
	}

	@Test
	void redisModeStartsEvenWhenRedisIsDown() {
		this.contextRunner
			.withConfiguration(AutoConfigurations
				.of(org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration.class))
			.withPropertyValues("permission-manager.cache.sync.mode=redis", "spring.data.redis.port=1")
			.run((context) -> assertThat(context).hasSingleBean(RedisChangeSignal.class)
				.hasSingleBean(RedisChangeListener.class));
	}

	@Test
	void maxStalenessBelowTwiceThePollIntervalStopsTheApplication() {
		this.contextRunner
			.withPropertyValues("permission-manager.cache.sync.poll-interval=2s",
					"permission-manager.cache.sync.max-staleness=3s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("permission-manager.cache.sync.max-staleness (PT3S) must be at least twice the "
						+ "poll-interval (PT2S)"));
	}

	@Test
	void channelWithCharactersOutsideLettersDigitsAndUnderscoresStopsTheApplication() {
		this.contextRunner
			.withPropertyValues("permission-manager.cache.sync.mode=postgres",
					"permission-manager.cache.sync.channel=x\"; DROP TABLE pm_grants; --")
			.run((context) -> assertThat(context).hasFailed());
	}

}
