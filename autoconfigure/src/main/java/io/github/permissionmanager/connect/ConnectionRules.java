package io.github.permissionmanager.connect;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.permissionmanager.Connection;
import io.github.permissionmanager.RequiresConnections;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;

/**
 * The {@link RequiresConnections} that governs each method, read once per method and
 * target class: the method's own (also from an interface or superclass declaration), else
 * its type's when the method is neither private nor static, as for
 * {@code @RequiresPermissions}.
 */
public final class ConnectionRules {

	private static final Rule NONE = new Rule(List.of(), List.of());

	private final Map<Key, Rule> rules = new ConcurrentHashMap<>();

	/**
	 * The connections a call needs.
	 * @param method the invoked method
	 * @param targetClass the class of the target bean
	 * @return its rule, or {@code null} when the method needs none
	 */
	public @Nullable Rule get(Method method, Class<?> targetClass) {
		Rule rule = this.rules.computeIfAbsent(new Key(method, targetClass), (key) -> {
			RequiresConnections annotation = find(AopUtils.getMostSpecificMethod(method, targetClass), targetClass);
			return (annotation != null) ? Rule.of(annotation) : NONE;
		});
		return (rule != NONE) ? rule : null;
	}

	/**
	 * The annotation that governs a method.
	 * @param method the method
	 * @param targetClass its class
	 * @return the annotation, or {@code null}
	 */
	static @Nullable RequiresConnections find(Method method, Class<?> targetClass) {
		RequiresConnections own = AnnotatedElementUtils.findMergedAnnotation(method, RequiresConnections.class);
		if (own != null) {
			return own;
		}
		int modifiers = method.getModifiers();
		boolean advisable = !Modifier.isPrivate(modifiers) && !Modifier.isStatic(modifiers) && !method.isBridge()
				&& !method.isSynthetic() && method.getDeclaringClass() != Object.class
				&& !ReflectionUtils.isEqualsMethod(method) && !ReflectionUtils.isHashCodeMethod(method)
				&& !ReflectionUtils.isToStringMethod(method);
		return advisable ? AnnotatedElementUtils.findMergedAnnotation(targetClass, RequiresConnections.class) : null;
	}

	/**
	 * The connections one method needs.
	 *
	 * @param required the connections it cannot run without
	 * @param optional the connections it uses when they are there
	 */
	public record Rule(List<ConnectionRequirement> required, List<ConnectionRequirement> optional) {

		public Rule {
			required = List.copyOf(required);
			optional = List.copyOf(optional);
		}

		static Rule of(RequiresConnections annotation) {
			return new Rule(requirements(annotation.required()), requirements(annotation.optional()));
		}

		private static List<ConnectionRequirement> requirements(Connection[] connections) {
			return Arrays.stream(connections)
				.map((connection) -> new ConnectionRequirement(connection.value(), List.of(connection.scopes())))
				.toList();
		}

	}

	private record Key(Method method, Class<?> targetClass) {

	}

}
