package io.github.permissionmanager.enforce;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.aop.Advisor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ClassUtils;

/**
 * The beans startup validation looks at, for every guard annotation alike: the classes of
 * a factory's beans that may carry an annotation (an existing singleton's real class, as
 * a definition may only declare an interface; the user class behind a CGLIB subclass; no
 * JDK proxies), and the singletons of guarded classes that no advisor of the guard
 * proxies (created before the auto-proxy creator, or registered as ready-made instances),
 * whose methods would run unchecked.
 */
public final class AnnotatedBeanClasses {

	private AnnotatedBeanClasses() {
	}

	/**
	 * The bean classes that are candidates for an annotation.
	 * @param beanFactory the factory
	 * @param annotation the annotation
	 * @return the classes, each once
	 */
	public static Set<Class<?>> find(ConfigurableListableBeanFactory beanFactory,
			Class<? extends Annotation> annotation) {
		Set<Class<?>> classes = new LinkedHashSet<>();
		for (String name : beanNames(beanFactory)) {
			Object singleton = beanFactory.getSingleton(name);
			Class<?> type = (singleton != null && !(singleton instanceof FactoryBean<?>))
					? AopProxyUtils.ultimateTargetClass(singleton) : beanFactory.getType(name, false);
			if (type == null || Proxy.isProxyClass(type)) {
				continue;
			}
			type = ClassUtils.getUserClass(type);
			if (AnnotationUtils.isCandidateClass(type, annotation)) {
				classes.add(type);
			}
		}
		return classes;
	}

	/**
	 * The existing singletons of guarded classes that the guard's advisor does not proxy.
	 * @param beanFactory the factory
	 * @param guarded the classes with guarded methods
	 * @param guard tells the guard's advisor
	 * @return each such bean's name and class
	 */
	public static Map<String, Class<?>> unproxied(ConfigurableListableBeanFactory beanFactory, Set<Class<?>> guarded,
			Predicate<Advisor> guard) {
		Map<String, Class<?>> unproxied = new LinkedHashMap<>();
		for (String name : beanNames(beanFactory)) {
			Object singleton = beanFactory.getSingleton(name);
			if (singleton == null || singleton instanceof FactoryBean<?>) {
				continue;
			}
			Class<?> type = ClassUtils.getUserClass(AopProxyUtils.ultimateTargetClass(singleton));
			boolean proxied = singleton instanceof Advised advised
					&& Arrays.stream(advised.getAdvisors()).anyMatch(guard);
			if (guarded.contains(type) && !proxied) {
				unproxied.put(name, type);
			}
		}
		return unproxied;
	}

	/**
	 * The names of every bean definition and every registered singleton.
	 * @param beanFactory the bean factory
	 * @return the names
	 */
	static Set<String> beanNames(ConfigurableListableBeanFactory beanFactory) {
		Set<String> names = new LinkedHashSet<>(Arrays.asList(beanFactory.getBeanDefinitionNames()));
		names.addAll(Arrays.asList(beanFactory.getSingletonNames()));
		return names;
	}

}
