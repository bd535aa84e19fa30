package io.github.permissionmanager.reactive;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import io.github.permissionmanager.InvalidPermissionRulesException;
import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.RequiresPermissions;
import io.github.permissionmanager.enforce.RequiresPermissionsPointcut;
import org.reactivestreams.Publisher;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Refuses to start a reactive application with a guarded method that cannot be guarded
 * there: one that does not return a {@code Mono} or a {@code Flux} (its caller is not in
 * any thread's security context, so every call would be refused), or one that declares a
 * {@link PermissionContext} parameter (WebFlux has no resolver for it).
 */
public final class ReactiveGuardValidator implements SmartInitializingSingleton {

	private final ConfigurableListableBeanFactory beanFactory;

	private final RequiresPermissionsPointcut pointcut = new RequiresPermissionsPointcut();

	/**
	 * Create a validator.
	 * @param beanFactory the factory whose beans are scanned
	 */
	public ReactiveGuardValidator(ConfigurableListableBeanFactory beanFactory) {
		Assert.notNull(beanFactory, "beanFactory cannot be null");
		this.beanFactory = beanFactory;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<String> problems = new ArrayList<>();
		for (String name : this.beanFactory.getBeanDefinitionNames()) {
			Object singleton = this.beanFactory.getSingleton(name);
			Class<?> type = (singleton != null && !(singleton instanceof FactoryBean<?>))
					? AopProxyUtils.ultimateTargetClass(singleton) : this.beanFactory.getType(name, false);
			if (type == null || Proxy.isProxyClass(type)) {
				continue;
			}
			Class<?> userType = ClassUtils.getUserClass(type);
			if (AnnotationUtils.isCandidateClass(userType, RequiresPermissions.class)) {
				validate(userType, problems);
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidPermissionRulesException(problems);
		}
	}

	private void validate(Class<?> type, List<String> problems) {
		for (Method method : ReflectionUtils.getUniqueDeclaredMethods(type, ReflectionUtils.USER_DECLARED_METHODS)) {
			if (!this.pointcut.matches(method, type)) {
				continue;
			}
			String name = type.getName() + "." + method.getName();
			if (!Publisher.class.isAssignableFrom(method.getReturnType())) {
				problems.add(name + ": a @RequiresPermissions method of a reactive application must return a Mono or"
						+ " a Flux, so its check can read the caller of the reactive security context");
			}
			for (Class<?> parameter : method.getParameterTypes()) {
				if (parameter == PermissionContext.class) {
					problems.add(name + ": a PermissionContext parameter is not supported in a reactive application");
				}
			}
		}
	}

}
