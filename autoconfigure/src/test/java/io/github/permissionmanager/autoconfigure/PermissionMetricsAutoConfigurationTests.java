package io.github.permissionmanager.autoconfigure;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.permissionmanager.PermissionManager;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.decide.GrantSnapshotCache;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grant cache's metrics: with a meter registry, Caffeine records statistics and
 * Micrometer's binder registers the cache's meters, which count checks served cold and
 * cached; without one, nothing is recorded and nothing registered.
 */
class PermissionMetricsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, PermissionManagerAutoConfiguration.class,
				PermissionStoreAutoConfiguration.class, PermissionMetricsAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true");

	@Test
	void withAMeterRegistryTheCacheGaugesExistAndCount() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class))
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				String cache = PermissionMetricsAutoConfiguration.CACHE_NAME;
				assertThat(registry.find("cache.size").tag("cache", cache).gauge()).isNotNull();
				assertThat(registry.find("cache.evictions").tag("cache", cache).meters()).isNotEmpty();
				PermissionManager permissions = context.getBean(PermissionManager.class);
				permissions.check(Subject.of("bob"), "event:read", Resource.of("event", 7));
				permissions.check(Subject.of("bob"), "event:read", Resource.of("event", 8));
				assertThat(
						registry.get("cache.gets").tag("cache", cache).tag("result", "miss").functionCounter().count())
					.isEqualTo(1);
				assertThat(
						registry.get("cache.gets").tag("cache", cache).tag("result", "hit").functionCounter().count())
					.isEqualTo(1);
			});
	}

	@Test
	void withoutAMeterRegistryNothingIsRecordedOrRegistered() {
		this.contextRunner.run((context) -> {
			assertThat(context).doesNotHaveBean(MeterRegistry.class);
			Cache<?, ?> cache = context.getBean(GrantSnapshotCache.class).nativeCache();
			assertThat(cache).isNotNull();
			assertThat(cache.policy().isRecordingStats()).isFalse();
		});
	}

	@Test
	void backsOffWithoutMicrometer() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MeterBinder.class));
	}

}
