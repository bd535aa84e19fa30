package io.github.permissionmanager.reactive;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.github.permissionmanager.InvalidPermissionRulesException;
import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.RequiresPermissions;
import io.github.permissionmanager.enforce.PermissionRule;
import io.github.permissionmanager.enforce.RequiresPermissionsPointcut;
import io.github.permissionmanager.enforce.RuleRegistry;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Refuses to start a reactive application with a guarded method that cannot be guarded
 * there: one that does not return a {@code Mono} or a {@code Flux} (its caller is not in
 * any thread's security context, so every call would be refused), one that declares a
 * {@link PermissionContext} parameter (WebFlux has no resolver for it), or one whose rule
 * reads a key while it takes its body or model as a {@code Mono} or a {@code Flux}: the
 * check runs before that publisher is read, so what the body says about the key could not
 * be compared with the value checked (a body declared as the object itself is read by
 * WebFlux before the call, and compared).
 */
public final class ReactiveGuardValidator implements SmartInitializingSingleton {

	private static final String WEB_BIND = "org.springframework.web.bind.annotation.";

	private static final List<String> BOUND = List.of("RequestBody", "ModelAttribute", "RequestPart");

	private final ConfigurableListableBeanFactory beanFactory;

	private final Supplier<@Nullable RuleRegistry> registry;

	private final RequiresPermissionsPointcut pointcut = new RequiresPermissionsPointcut();

	/**
	 * Create a validator.
	 * @param beanFactory the factory whose beans are scanned
	 * @param registry supplies the rules of the guarded methods, or {@code null} when
	 * there is none
	 */
	public ReactiveGuardValidator(ConfigurableListableBeanFactory beanFactory,
			Supplier<@Nullable RuleRegistry> registry) {
		Assert.notNull(beanFactory, "beanFactory cannot be null");
		Assert.notNull(registry, "registry cannot be null");
		this.beanFactory = beanFactory;
		this.registry = registry;
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
			boolean handler = MergedAnnotations.from(method, SearchStrategy.TYPE_HIERARCHY)
				.isPresent(WEB_BIND + "RequestMapping");
			for (int i = 0; handler && i < method.getParameterCount(); i++) {
				MethodParameter parameter = new MethodParameter(method, i);
				if (isPublishedBody(parameter) && readsAKey(method, type)) {
					problems.add(name + ": parameter " + i + " (" + parameter.getParameterType().getSimpleName()
							+ ") is a body or model read after the check, so what it says about the checked key"
							+ " cannot be compared with the value checked; declare the object itself, which WebFlux"
							+ " reads before the call");
				}
			}
		}
	}

	// a Mono or a Flux a handler gets filled from the body or the form: @RequestBody,
	// @ModelAttribute, @RequestPart, or no web annotation (an implicit model attribute)
	private static boolean isPublishedBody(MethodParameter parameter) {
		if (!Publisher.class.isAssignableFrom(parameter.getParameterType())) {
			return false;
		}
		MergedAnnotations annotations = MergedAnnotations.from(parameter.getParameter());
		for (String bound : BOUND) {
			if (annotations.isPresent(WEB_BIND + bound)) {
				return true;
			}
		}
		return annotations.stream().noneMatch((annotation) -> annotation.getType().getName().startsWith(WEB_BIND));
	}

	private boolean readsAKey(Method method, Class<?> type) {
		RuleRegistry rules = this.registry.get();
		if (rules == null) {
			return false;
		}
		try {
			PermissionRule rule = rules.get(method, type);
			return rule != null && rule.plan() != null;
		}
		catch (RuntimeException ex) {
			// a rule that does not parse is reported by the rule validation
			return false;
		}
	}

}
