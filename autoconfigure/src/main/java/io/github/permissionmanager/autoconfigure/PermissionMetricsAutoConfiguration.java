package io.github.permissionmanager.autoconfigure;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.permissionmanager.decide.GrantSnapshotCache;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

/**
 * Micrometer metrics of the grant cache, when the application has Micrometer: Caffeine's
 * statistics through Micrometer's {@link CaffeineCacheMetrics} binder, as a
 * {@link MeterBinder} that Boot binds to every meter registry (cache name
 * {@value #CACHE_NAME}). The cache records statistics only when a meter registry bean
 * exists; without one nothing is recorded or registered. Decisions are observed by
 * {@link PermissionManagerAutoConfiguration} when an observation registry is present.
 */
@AutoConfiguration(after = PermissionStoreAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "permission-manager.enabled", matchIfMissing = true)
@ConditionalOnClass(name = "io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics")
@ConditionalOnBean(GrantSnapshotCache.class)
public final class PermissionMetricsAutoConfiguration {

	/**
	 * The {@code cache} tag of the grant cache's meters.
	 */
	public static final String CACHE_NAME = "permission-manager.grants";

	private static final String METER_REGISTRY = "io.micrometer.core.instrument.MeterRegistry";

	@Bean
	@ConditionalOnMissingBean(name = "permissionCacheMetrics")
	MeterBinder permissionCacheMetrics(GrantSnapshotCache cache) {
		return (registry) -> {
			Cache<?, ?> nativeCache = cache.nativeCache();
			if (nativeCache != null) {
				CaffeineCacheMetrics.monitor(registry, nativeCache, CACHE_NAME);
			}
		};
	}

	/**
	 * Whether the application has a meter registry bean that would read the cache's
	 * statistics.
	 * @param beanFactory the bean factory
	 * @return whether Micrometer is present and a registry bean is defined
	 */
	static boolean hasMeterRegistry(ListableBeanFactory beanFactory) {
		return ClassUtils.isPresent(METER_REGISTRY, PermissionMetricsAutoConfiguration.class.getClassLoader())
				&& MeterRegistries.defined(beanFactory);
	}

	// Loaded only once Micrometer is known to be there
	private static final class MeterRegistries {

		static boolean defined(ListableBeanFactory beanFactory) {
			return beanFactory.getBeanNamesForType(MeterRegistry.class, true, false).length > 0;
		}

	}

}
