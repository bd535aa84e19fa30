package io.github.permissionmanager.enforce;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.github.permissionmanager.resolve.MethodSources;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ReflectionUtils;

/**
 * Finds guarded methods that would run unchecked because of how their bean was built or
 * configured, not because of one method's rule: a singleton of a guarded class that
 * Permission Manager's advisor does not proxy (created before the auto-proxy creator, as
 * a bean a post-processor needs is, or registered as a ready-made instance), and a
 * type-level annotation whose {@code methods} filter excludes every verb of every handler
 * it governs.
 */
final class GuardCoverage {

	private GuardCoverage() {
	}

	/**
	 * Add a problem for each existing singleton of a guarded class that is not proxied by
	 * a {@link PermissionInterceptor}.
	 * @param beanFactory the bean factory
	 * @param guarded the classes with guarded methods
	 * @param problems where problems are added
	 */
	static void checkProxied(ConfigurableListableBeanFactory beanFactory, Set<Class<?>> guarded,
			List<String> problems) {
		AnnotatedBeanClasses
			.unproxied(beanFactory, guarded, (advisor) -> advisor.getAdvice() instanceof PermissionInterceptor)
			.forEach((name, type) -> problems.add("bean '" + name + "' (" + type.getName()
					+ ") has @RequiresPermissions methods but is not proxied by Permission Manager, so they would run"
					+ " unchecked: it was created before the auto-proxy creator (a bean that a BeanPostProcessor"
					+ " needs) or registered as a ready-made instance; let Spring create it as an ordinary bean"));
	}

	/**
	 * The methods of a class that {@code @RequiresPermissions} governs.
	 * @param type the class
	 * @return its guarded methods
	 */
	static List<Method> guardedMethods(Class<?> type) {
		return Arrays.stream(ReflectionUtils.getUniqueDeclaredMethods(type, ReflectionUtils.USER_DECLARED_METHODS))
			.filter((method) -> RequiresPermissionsLookup.find(method, type) != null)
			.toList();
	}

	/**
	 * Add a problem when a class's own {@code @RequiresPermissions} governs request
	 * handlers and its {@code methods} filter excludes every verb of every one of them.
	 * @param type the class
	 * @param registry the rules registered for its methods
	 * @param problems where problems are added
	 */
	static void checkTypeLevelMethods(Class<?> type, RuleRegistry registry, List<String> problems) {
		if (RequiresPermissionsLookup.typeLevel(type) == null) {
			return;
		}
		Set<String> filter = null;
		for (Method method : ReflectionUtils.getUniqueDeclaredMethods(type, ReflectionUtils.USER_DECLARED_METHODS)) {
			if (RequiresPermissionsLookup.hasOwn(method) || !RequiresPermissionsLookup.appliesFromType(method)) {
				continue;
			}
			MethodSources sources = MethodSources.of(method, type);
			PermissionRule rule = registry.registered(method, type);
			if (!sources.isHandler() || rule == null) {
				continue;
			}
			if (RuleParser.overlaps(rule.httpMethods(), sources.httpMethods())) {
				return;
			}
			filter = rule.httpMethods();
		}
		if (filter != null) {
			problems.add(type.getName() + ": the type's @RequiresPermissions has methods " + filter
					+ ", which excludes every HTTP method its handlers are mapped to, so it would never apply");
		}
	}

}
