package io.github.permissionmanager.resolve;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;

import io.github.permissionmanager.PermissionEvaluationException;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ReflectionUtils;

/**
 * A property of an argument that Spring MVC bound from the request (a
 * {@code @ModelAttribute} form object or a {@code @RequestBody}), read to find out what
 * the method will use.
 *
 * @param argumentIndex the index of the argument
 * @param name the property (or map key) read
 * @param accessor the getter or record accessor, or {@code null} to read a map entry
 */
public record BoundProperty(int argumentIndex, String name, @Nullable Method accessor) {

	/**
	 * Read the property from the call's arguments.
	 * @param arguments the call's arguments
	 * @return the value, or {@code null} when the object or the property is null
	 */
	@Nullable Object read(@Nullable Object[] arguments) {
		if (arguments == null || this.argumentIndex >= arguments.length) {
			return null;
		}
		Object target = arguments[this.argumentIndex];
		if (target == null) {
			return null;
		}
		if (this.accessor == null) {
			return (target instanceof Map<?, ?> map) ? map.get(this.name) : null;
		}
		try {
			ReflectionUtils.makeAccessible(this.accessor);
			return this.accessor.invoke(target);
		}
		catch (IllegalAccessException | InvocationTargetException | RuntimeException ex) {
			throw new PermissionEvaluationException("Could not read '" + this.name + "' of a bound argument", ex);
		}
	}

}
