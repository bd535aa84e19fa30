package io.github.permissionmanager.autoconfigure;

import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import io.github.permissionmanager.actuate.PermissionCacheHealthIndicator;
import io.github.permissionmanager.actuate.PermissionsEndpoint;
import io.github.permissionmanager.decide.GrantSnapshotCache;
import io.github.permissionmanager.sync.ChangeFollower;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Actuator auto-configuration: the {@code permissions} endpoint only where Boot's
 * exposure and access rules make it available, the grant cache's health indicator unless
 * turned off, neither without Actuator on the classpath; and the health it reports as the
 * change log follower keeps up, lags or fails.
 */
class PermissionActuatorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, PermissionManagerAutoConfiguration.class,
				PermissionStoreAutoConfiguration.class, PermissionEnforcementAutoConfiguration.class,
				PermissionSyncAutoConfiguration.class, PermissionActuatorAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true");

	@Test
	void endpointWhenExposedOverHttp() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=permissions")
			.run((context) -> assertThat(context).hasSingleBean(PermissionsEndpoint.class));
	}

	@Test
	void noEndpointWhenNotExposed() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(PermissionsEndpoint.class)
			.hasSingleBean(PermissionCacheHealthIndicator.class));
	}

	@Test
	void noEndpointWhenItsAccessIsNone() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=*",
					"management.endpoint.permissions.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(PermissionsEndpoint.class));
	}

	@Test
	void backsOffWithoutActuator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.withPropertyValues("management.endpoints.web.exposure.include=permissions")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(PermissionsEndpoint.class)
				.doesNotHaveBean(PermissionCacheHealthIndicator.class));
	}

	@Test
	void noHealthIndicatorWithoutBootsHealthModuleOrWhenTurnedOff() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(PermissionCacheHealthIndicator.class));
		this.contextRunner.withPropertyValues("management.health.permissions.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PermissionCacheHealthIndicator.class));
	}

	@Test
	void endpointAndIndicatorBackOffForTheApplicationsOwn() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=permissions")
			.withBean("ownEndpoint", PermissionsEndpoint.class, () -> null)
			.withBean("ownIndicator", PermissionCacheHealthIndicator.class, () -> null)
			.run((context) -> {
				assertThat(context).getBeanNames(PermissionsEndpoint.class).containsExactly("ownEndpoint");
				assertThat(context).getBeanNames(PermissionCacheHealthIndicator.class).containsExactly("ownIndicator");
			});
	}

	@Test
	void upWhileTheFollowerKeepsUpThenOutOfServiceWhenItLags() {
		this.contextRunner
			.withPropertyValues("permission-manager.cache.sync.poll-interval=1h",
					"permission-manager.cache.sync.max-staleness=2h")
			.run((context) -> {
				PermissionCacheHealthIndicator indicator = context.getBean(PermissionCacheHealthIndicator.class);
				ChangeFollower follower = context.getBean(ChangeFollower.class);
				await().atMost(Duration.ofSeconds(10)).until(follower::isCacheTrusted);
				Health health = indicator.health();
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("follower", "running")
					.containsEntry("failedPolls", 0)
					.containsEntry("trusted", true)
					.containsEntry("enabled", true)
					.containsKey("size")
					// no meter registry: no statistics recorded, no hit rate made up
					.doesNotContainKey("hitRate");
				// the next poll is an hour away: past the trust bound, checks read the
				// store
				context.getBean(GrantSnapshotCache.class).trust().trustUntil(System.nanoTime() - 1);
				assertThat(indicator.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
			});
	}

	@Test
	void downWhenTheFollowerCannotReadTheChangeLogOrIsStopped() {
		this.contextRunner.withPropertyValues("permission-manager.cache.sync.poll-interval=50ms").run((context) -> {
			PermissionCacheHealthIndicator indicator = context.getBean(PermissionCacheHealthIndicator.class);
			ChangeFollower follower = context.getBean(ChangeFollower.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> indicator.health().getStatus().equals(Status.UP));
			JdbcClient.create(context.getBean(DataSource.class)).sql("DROP TABLE pm_changes").update();
			await().atMost(Duration.ofSeconds(10)).until(() -> follower.failedPolls() > 0);
			Health failing = indicator.health();
			assertThat(failing.getStatus()).isEqualTo(Status.DOWN);
			assertThat((Map<String, Object>) failing.getDetails()).containsKey("failedPolls");
			follower.stop();
			assertThat(indicator.health().getDetails()).containsEntry("follower", "stopped");
			assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
		});
	}

	@Test
	void upWithoutAFollowerAndWithoutCaching() {
		this.contextRunner
			.withPropertyValues("permission-manager.cache.sync.mode=none", "permission-manager.cache.enabled=false")
			.run((context) -> {
				Health health = context.getBean(PermissionCacheHealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("enabled", false)
					.containsEntry("size", 0L)
					.doesNotContainKey("follower");
			});
	}

}
