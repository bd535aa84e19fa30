package io.github.permissionmanager.autoconfigure;

import java.util.List;

import io.github.permissionmanager.web.PermissionContextArgumentResolver;
import io.github.permissionmanager.web.PermissionProblemExceptionResolver;
import io.github.permissionmanager.web.PermissionProblems;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * The web side of Permission Manager in a Spring MVC application: problem responses for
 * refused calls, and {@link io.github.permissionmanager.PermissionContext} handler
 * arguments.
 */
@AutoConfiguration(after = PermissionEnforcementAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "permission-manager.enabled", matchIfMissing = true)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@EnableConfigurationProperties({ PermissionCatalogProperties.class, PermissionEnforcementProperties.class })
public final class PermissionWebAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PermissionProblems permissionProblems(PermissionCatalogProperties catalogProperties) {
		return new PermissionProblems(catalogProperties.messages());
	}

	@Bean
	@ConditionalOnMissingBean
	PermissionProblemExceptionResolver permissionProblemExceptionResolver(PermissionProblems problems,
			ObjectProvider<RequestMappingHandlerAdapter> handlerAdapter) {
		// the converters Spring MVC writes its own problem responses with, so ours look
		// the same
		return new PermissionProblemExceptionResolver(problems, () -> {
			RequestMappingHandlerAdapter adapter = handlerAdapter.getIfAvailable();
			return (adapter != null) ? adapter.getMessageConverters() : List.of();
		});
	}

	@Bean
	@ConditionalOnMissingBean
	PermissionContextArgumentResolver permissionContextArgumentResolver() {
		return new PermissionContextArgumentResolver();
	}

	@Bean
	WebMvcConfigurer permissionContextWebMvcConfigurer(PermissionContextArgumentResolver argumentResolver) {
		return new WebMvcConfigurer() {

			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(argumentResolver);
			}

		};
	}

}
