package io.github.permissionmanager.benchmarks.interceptor;

import java.lang.reflect.Method;

import io.github.permissionmanager.PermissionManager;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.aop.Advisor;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * A non-web Spring Boot application with Permission Manager's auto-configuration (grant
 * store on H2 in memory), Spring Security method security, the four services of
 * {@link EventServices}, and the advisor that only proceeds, on {@code Advised.update}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableMethodSecurity
class InterceptorBenchmarkApplication {

	@Bean
	EventServices.Plain plainEventService() {
		return new EventServices.Plain();
	}

	@Bean
	EventServices.Advised advisedEventService() {
		return new EventServices.Advised();
	}

	// The floor under any advice: Spring AOP's proxy, chain and reflective call, nothing
	// else
	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor noOpAdvisor() {
		Pointcut pointcut = new StaticMethodMatcherPointcut() {

			@Override
			public boolean matches(Method method, Class<?> targetClass) {
				return targetClass == EventServices.Advised.class && method.getName().equals("update");
			}

		};
		return new DefaultPointcutAdvisor(pointcut, (MethodInterceptor) MethodInvocation::proceed);
	}

	@Bean
	EventServices.Guarded guardedEventService() {
		return new EventServices.Guarded();
	}

	@Bean
	EventServices.PreAuthorized preAuthorizedEventService() {
		return new EventServices.PreAuthorized();
	}

	@Bean
	static MethodSecurityExpressionHandler methodSecurityExpressionHandler(ObjectProvider<PermissionManager> manager,
			ApplicationContext context) {
		DefaultMethodSecurityExpressionHandler handler = new DefaultMethodSecurityExpressionHandler();
		handler.setPermissionEvaluator(new PermissionManagerPermissionEvaluator(manager));
		handler.setApplicationContext(context);
		return handler;
	}

}
