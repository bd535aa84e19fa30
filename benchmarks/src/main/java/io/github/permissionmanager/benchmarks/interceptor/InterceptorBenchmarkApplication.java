package io.github.permissionmanager.benchmarks.interceptor;

import io.github.permissionmanager.PermissionManager;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * A non-web Spring Boot application with Permission Manager's auto-configuration (grant
 * store on H2 in memory), Spring Security method security, and the three services of
 * {@link EventServices}.
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
