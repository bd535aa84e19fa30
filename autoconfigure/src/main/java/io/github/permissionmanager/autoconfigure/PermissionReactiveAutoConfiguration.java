package io.github.permissionmanager.autoconfigure;

import io.github.permissionmanager.enforce.PermissionAdvisor;
import io.github.permissionmanager.enforce.RequiresPermissionsPointcut;
import io.github.permissionmanager.enforce.RuleRegistry;
import io.github.permissionmanager.reactive.ReactiveGuardValidator;
import io.github.permissionmanager.reactive.ReactivePermissionInterceptor;
import io.github.permissionmanager.reactive.ReactivePermissionProblems;
import io.github.permissionmanager.web.PermissionProblems;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.reactive.ServerWebExchangeContextFilter;
import org.springframework.web.reactive.DispatcherHandler;

/**
 * {@code @RequiresPermissions} in a reactive (WebFlux) application: guarded methods
 * returning {@code Mono} or {@code Flux} are checked on subscription with the caller of
 * the reactive security context and the request of the exchange (put in the subscriber's
 * context by a {@link ServerWebExchangeContextFilter}), their refusals answer RFC 9457
 * problems, and a guarded method that cannot be checked reactively stops the start.
 */
@AutoConfiguration(after = PermissionEnforcementAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "permission-manager.enabled", matchIfMissing = true)
@ConditionalOnWebApplication(type = Type.REACTIVE)
@ConditionalOnClass({ Mono.class, ReactiveSecurityContextHolder.class, DispatcherHandler.class })
@ConditionalOnBean(PermissionAdvisor.class)
@EnableConfigurationProperties({ PermissionCatalogProperties.class, PermissionEnforcementProperties.class })
public final class PermissionReactiveAutoConfiguration {

	// Outside every other advice of Permission Manager: the check itself runs inside it
	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor permissionReactiveAdvisor(ObjectProvider<SecurityContextHolderStrategy> strategy) {
		ReactivePermissionInterceptor interceptor = new ReactivePermissionInterceptor(
				() -> strategy.getIfUnique(SecurityContextHolder::getContextHolderStrategy),
				Schedulers.boundedElastic());
		DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(new RequiresPermissionsPointcut(), interceptor);
		advisor.setOrder(PermissionAdvisor.DEFAULT_ORDER - 2);
		return advisor;
	}

	// What lets a check read the request: the exchange in the subscriber's context
	@Bean
	@ConditionalOnMissingBean
	ServerWebExchangeContextFilter permissionExchangeContextFilter() {
		return new ServerWebExchangeContextFilter();
	}

	@Bean
	@ConditionalOnMissingBean
	static ReactiveGuardValidator permissionReactiveGuardValidator(ConfigurableListableBeanFactory beanFactory,
			ObjectProvider<RuleRegistry> registry) {
		return new ReactiveGuardValidator(beanFactory, registry::getIfAvailable);
	}

	@Bean
	@ConditionalOnMissingBean
	PermissionProblems permissionProblems(PermissionCatalogProperties catalogProperties) {
		return new PermissionProblems(catalogProperties.messages());
	}

	@Bean
	@ConditionalOnMissingBean
	ReactivePermissionProblems permissionReactiveProblems(PermissionProblems problems) {
		return new ReactivePermissionProblems(problems);
	}

}
