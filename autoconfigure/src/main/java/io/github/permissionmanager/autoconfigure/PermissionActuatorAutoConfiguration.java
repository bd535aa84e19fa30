package io.github.permissionmanager.autoconfigure;

import io.github.permissionmanager.PermissionManager;
import io.github.permissionmanager.actuate.PermissionCacheHealthIndicator;
import io.github.permissionmanager.actuate.PermissionsEndpoint;
import io.github.permissionmanager.actuate.PermissionsEndpointProblems;
import io.github.permissionmanager.decide.GrantSnapshotCache;
import io.github.permissionmanager.decide.Roles;
import io.github.permissionmanager.enforce.RuleRegistry;
import io.github.permissionmanager.sync.ChangeFollower;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Boot Actuator support, when the application has Actuator: the
 * {@code permissions} endpoint ({@link PermissionsEndpoint}) wherever Boot's exposure
 * rules make it available, and the {@code permissions} health indicator of the grant
 * cache ({@code management.health.permissions.enabled}).
 */
@AutoConfiguration(after = { PermissionEnforcementAutoConfiguration.class, PermissionStoreAutoConfiguration.class,
		PermissionSyncAutoConfiguration.class, PermissionPdpClientAutoConfiguration.class })
@ConditionalOnBooleanProperty(name = "permission-manager.enabled", matchIfMissing = true)
@ConditionalOnClass(
		name = "org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint")
public final class PermissionActuatorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnAvailableEndpoint
	@ConditionalOnBean({ RuleRegistry.class, PermissionManager.class })
	PermissionsEndpoint permissionsEndpoint(RuleRegistry registry, Roles roles, PermissionCatalogProperties catalog,
			PermissionManager permissionManager) {
		return new PermissionsEndpoint(registry, roles, catalog.messages(), permissionManager);
	}

	/**
	 * Over Spring MVC, the endpoint's bad parameters as RFC 9457 problems naming the
	 * parameter.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(name = { "org.springframework.web.servlet.HandlerExceptionResolver",
			"tools.jackson.databind.json.JsonMapper" })
	@ConditionalOnAvailableEndpoint(PermissionsEndpoint.class)
	static class ServletProblemsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		PermissionsEndpointProblems permissionsEndpointProblems() {
			return new PermissionsEndpointProblems();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
	@ConditionalOnBean(GrantSnapshotCache.class)
	static class HealthConfiguration {

		// nested once more: its condition's class is in the health module, read only once
		// the module is known to be there
		@Configuration(proxyBeanMethods = false)
		@ConditionalOnEnabledHealthIndicator("permissions")
		static class EnabledHealthConfiguration {

			@Bean
			@ConditionalOnMissingBean
			PermissionCacheHealthIndicator permissionsHealthIndicator(GrantSnapshotCache cache,
					ObjectProvider<ChangeFollower> follower) {
				return new PermissionCacheHealthIndicator(cache, follower.getIfUnique());
			}

		}

	}

}
