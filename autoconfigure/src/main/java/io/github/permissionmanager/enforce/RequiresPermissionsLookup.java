package io.github.permissionmanager.enforce;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

import io.github.permissionmanager.RequiresPermissions;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Finds the {@link RequiresPermissions} that governs a method: its own (also declared on
 * an interface or superclass method), else its type's when the method can be advised: not
 * private and not static. Package-private and protected methods count, since Spring MVC
 * handler methods are often package-private and a type's annotation must not leave them
 * unchecked. {@code equals}, {@code hashCode} and {@code toString} are never guarded by a
 * type's annotation.
 */
final class RequiresPermissionsLookup {

	private RequiresPermissionsLookup() {
	}

	static @Nullable RequiresPermissions find(Method method, Class<?> targetClass) {
		RequiresPermissions own = AnnotatedElementUtils.findMergedAnnotation(method, RequiresPermissions.class);
		if (own != null) {
			return own;
		}
		return appliesFromType(method) ? typeLevel(targetClass) : null;
	}

	static @Nullable RequiresPermissions typeLevel(Class<?> targetClass) {
		return AnnotatedElementUtils.findMergedAnnotation(targetClass, RequiresPermissions.class);
	}

	static boolean hasOwn(Method method) {
		return AnnotatedElementUtils.hasAnnotation(method, RequiresPermissions.class);
	}

	static boolean appliesFromType(Method method) {
		int modifiers = method.getModifiers();
		return !Modifier.isPrivate(modifiers) && !Modifier.isStatic(modifiers) && !method.isBridge()
				&& !method.isSynthetic() && method.getDeclaringClass() != Object.class
				&& !ReflectionUtils.isEqualsMethod(method) && !ReflectionUtils.isHashCodeMethod(method)
				&& !ReflectionUtils.isToStringMethod(method);
	}

}
