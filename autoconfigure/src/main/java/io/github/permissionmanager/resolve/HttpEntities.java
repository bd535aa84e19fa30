package io.github.permissionmanager.resolve;

import java.lang.reflect.Method;

import io.github.permissionmanager.PermissionEvaluationException;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ReflectionUtils;

/**
 * Spring's {@code HttpEntity} (and {@code RequestEntity}) handler arguments, read by name
 * so that spring-web stays optional: the body is the bound object.
 */
final class HttpEntities {

	private static final String HTTP_ENTITY = "org.springframework.http.HttpEntity";

	private static final ClassValue<@Nullable Method> BODY = new ClassValue<>() {

		@Override
		protected @Nullable Method computeValue(Class<?> type) {
			for (Class<?> current = type; current != null; current = current.getSuperclass()) {
				if (current.getName().equals(HTTP_ENTITY)) {
					return ReflectionUtils.findMethod(current, "getBody");
				}
			}
			return null;
		}

	};

	private HttpEntities() {
	}

	static boolean isEntity(Object value) {
		return isEntityType(value.getClass());
	}

	static boolean isEntityType(Class<?> type) {
		return BODY.get(type) != null;
	}

	static @Nullable Object body(Object entity) {
		Method body = BODY.get(entity.getClass());
		if (body == null) {
			return null;
		}
		try {
			return body.invoke(entity);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			throw new PermissionEvaluationException("Could not read the body of a bound HttpEntity", ex);
		}
	}

}
