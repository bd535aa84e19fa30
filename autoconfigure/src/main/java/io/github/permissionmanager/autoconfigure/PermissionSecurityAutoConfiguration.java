package io.github.permissionmanager.autoconfigure;

import java.io.Serializable;

import io.github.permissionmanager.DomainResourceResolver;
import io.github.permissionmanager.PermissionManager;
import io.github.permissionmanager.SubjectResolver;
import io.github.permissionmanager.TenantResolver;
import io.github.permissionmanager.PermissionAuthorizations;
import io.github.permissionmanager.caller.CurrentCaller;
import io.github.permissionmanager.decide.DecisionService;
import io.github.permissionmanager.enforce.GuardVerdicts;
import io.github.permissionmanager.enforce.PermissionAdvisor;
import io.github.permissionmanager.security.AuthorizationDeniedProblemResolver;
import io.github.permissionmanager.security.AuthorizationEventVerdicts;
import io.github.permissionmanager.security.DefaultPermissionAuthorizations;
import io.github.permissionmanager.security.PermissionAccessDeniedHandler;
import io.github.permissionmanager.security.DefaultDomainResourceResolver;
import io.github.permissionmanager.security.HasPermissionEvaluator;
import io.github.permissionmanager.security.PermissionChecks;
import io.github.permissionmanager.web.PermissionProblemExceptionResolver;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.security.access.PermissionEvaluator;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.AuthorizationManagerFactory;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.ExceptionHandlingConfigurer;
import org.springframework.security.config.core.GrantedAuthorityDefaults;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Permission Manager inside Spring Security: a {@code hasPermission} evaluator backed by
 * the {@link PermissionManager}, set on the method-security expression handler when the
 * application uses {@code @EnableMethodSecurity}, and problem responses for the denials
 * it causes. Each part backs off when the application declares its own.
 */
@AutoConfiguration(after = { PermissionEnforcementAutoConfiguration.class, PermissionWebAutoConfiguration.class })
@ConditionalOnBooleanProperty(name = "permission-manager.enabled", matchIfMissing = true)
@ConditionalOnBean(PermissionManager.class)
@EnableConfigurationProperties(PermissionSecurityProperties.class)
public final class PermissionSecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PermissionChecks permissionChecks(ObjectProvider<DecisionService> decisions,
			ObjectProvider<SubjectResolver> subjects, ObjectProvider<TenantResolver> tenants,
			ObjectProvider<CurrentCaller> caller) {
		return new PermissionChecks(decisions::getObject, subjects::getObject, tenants::getIfUnique,
				() -> caller.getIfUnique(CurrentCaller::new));
	}

	@Bean
	@ConditionalOnMissingBean
	DomainResourceResolver permissionDomainResourceResolver() {
		return new DefaultDomainResourceResolver();
	}

	@Bean
	@ConditionalOnMissingBean(PermissionEvaluator.class)
	HasPermissionEvaluator permissionHasPermissionEvaluator(PermissionChecks checks,
			DomainResourceResolver domainResources) {
		return new HasPermissionEvaluator(checks, domainResources);
	}

	/**
	 * The expression handler {@code @EnableMethodSecurity} uses, with the
	 * {@code hasPermission} evaluator; backs off when the application declares its own.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(EnableMethodSecurity.class)
	@ConditionalOnBean(annotation = EnableMethodSecurity.class)
	static class MethodSecurityConfiguration {

		// Static and lazy: method security asks for it among the infrastructure beans
		@Bean
		@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
		@ConditionalOnMissingBean(MethodSecurityExpressionHandler.class)
		@SuppressWarnings("deprecation")
		static MethodSecurityExpressionHandler permissionMethodSecurityExpressionHandler(
				ObjectProvider<PermissionEvaluator> evaluator, ObjectProvider<RoleHierarchy> roleHierarchy,
				ObjectProvider<GrantedAuthorityDefaults> authorityDefaults,
				ObjectProvider<AuthorizationManagerFactory<MethodInvocation>> authorizationManagerFactory,
				ApplicationContext context) {
			// what Spring Security sets on the handler it would otherwise build itself
			DefaultMethodSecurityExpressionHandler handler = new DefaultMethodSecurityExpressionHandler();
			handler.setApplicationContext(context);
			authorityDefaults.ifAvailable((defaults) -> handler.setDefaultRolePrefix(defaults.getRolePrefix()));
			roleHierarchy.ifAvailable(handler::setRoleHierarchy);
			authorizationManagerFactory.ifAvailable(handler::setAuthorizationManagerFactory);
			handler.setPermissionEvaluator(new LazyPermissionEvaluator(evaluator));
			return handler;
		}

	}

	/**
	 * Problem responses for the method-security denials Permission Manager caused.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(DispatcherServlet.class)
	@ConditionalOnBean(PermissionProblemExceptionResolver.class)
	static class ServletProblemConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AuthorizationDeniedProblemResolver permissionAuthorizationDeniedProblemResolver(
				PermissionProblemExceptionResolver problems, ObjectProvider<CurrentCaller> caller) {
			return new AuthorizationDeniedProblemResolver(problems, () -> caller.getIfUnique(CurrentCaller::new));
		}

	}

	/**
	 * Verdicts on {@code @RequiresPermissions} methods as Spring Security authorization
	 * events, through the application's {@link AuthorizationEventPublisher} or, without
	 * one, a {@link SpringAuthorizationEventPublisher} (denials only), as
	 * {@code authorizeHttpRequests} does.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(PermissionAdvisor.class)
	@ConditionalOnBooleanProperty(name = "permission-manager.security.authorization-events", matchIfMissing = true)
	static class AuthorizationEventsConfiguration {

		@Bean
		@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
		@ConditionalOnMissingBean(GuardVerdicts.class)
		static AuthorizationEventVerdicts permissionAuthorizationEvents(
				ObjectProvider<AuthorizationEventPublisher> publisher, ApplicationContext context,
				ObjectProvider<SecurityContextHolderStrategy> strategy) {
			// without an application's publisher, Spring Security's as it comes: denials
			// only, so allows are not handed to it
			return new AuthorizationEventVerdicts(publisher::getIfUnique,
					() -> new SpringAuthorizationEventPublisher(context),
					() -> strategy.getIfUnique(SecurityContextHolder::getContextHolderStrategy));
		}

	}

	/**
	 * The {@code permissions} bean of request rules and {@code @permissions.check}
	 * expressions, and problem responses for the denials of request rules.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass({ RequestAuthorizationContext.class, DispatcherServlet.class })
	static class RequestRulesConfiguration {

		@Bean(name = "permissions")
		@ConditionalOnMissingBean(value = PermissionAuthorizations.class, name = "permissions")
		DefaultPermissionAuthorizations permissions(PermissionChecks checks) {
			return new DefaultPermissionAuthorizations(checks);
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(PermissionProblemExceptionResolver.class)
		PermissionAccessDeniedHandler permissionAccessDeniedHandler(PermissionProblemExceptionResolver problems,
				ObjectProvider<CurrentCaller> caller) {
			return new PermissionAccessDeniedHandler(problems, () -> caller.getIfUnique(CurrentCaller::new));
		}

		/**
		 * Registers the handler on every {@code HttpSecurity} Spring Security hands out
		 * (it applies {@code Customizer} beans); a class of its own, since its types come
		 * from spring-security-config.
		 */
		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(HttpSecurity.class)
		@ConditionalOnBean(PermissionProblemExceptionResolver.class)
		static class ExceptionHandlingConfiguration {

			@Bean
			Customizer<ExceptionHandlingConfigurer<HttpSecurity>> permissionExceptionHandlingCustomizer(
					PermissionAccessDeniedHandler handler) {
				return (exceptions) -> exceptions.defaultAccessDeniedHandlerFor(handler,
						PermissionAccessDeniedHandler.deniedByPermissionManager());
			}

		}

	}

	/**
	 * Reaches the evaluator on first use, so the expression handler builds nothing while
	 * the infrastructure is created.
	 */
	private static final class LazyPermissionEvaluator implements PermissionEvaluator {

		private final SingletonSupplier<PermissionEvaluator> delegate;

		LazyPermissionEvaluator(ObjectProvider<PermissionEvaluator> evaluator) {
			this.delegate = SingletonSupplier.of(evaluator::getObject);
		}

		@Override
		public boolean hasPermission(Authentication authentication, @Nullable Object targetDomainObject,
				Object permission) {
			return this.delegate.obtain().hasPermission(authentication, targetDomainObject, permission);
		}

		@Override
		public boolean hasPermission(Authentication authentication, Serializable targetId, String targetType,
				Object permission) {
			return this.delegate.obtain().hasPermission(authentication, targetId, targetType, permission);
		}

	}

}
