package io.github.permissionmanager.security;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.permissionmanager.DomainResourceResolver;
import io.github.permissionmanager.Resource;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;

/**
 * The default {@link DomainResourceResolver}. A {@link Resource} stands for itself. For
 * any other object:
 * <ul>
 * <li>type: the name of the nearest class in its hierarchy annotated with JPA's
 * {@code @Entity} ({@code @Entity(name = ...)} when set, else the class's simple name),
 * or the simple name of its class when it is not an entity; the first letter lower-cased,
 * so {@code Event} is {@code event};</li>
 * <li>id: the value of the attribute annotated with JPA's {@code @Id}, read through its
 * getter when there is one (a lazy proxy answers it without loading), else a record's
 * {@code id} component, else a public no-argument {@code getId()} method.</li>
 * </ul>
 * An object with neither, or whose id is {@code null} (not saved yet), names no resource:
 * the check denies. What was found is remembered per class.
 */
public final class DefaultDomainResourceResolver implements DomainResourceResolver {

	private static final @Nullable Class<? extends java.lang.annotation.Annotation> ENTITY = annotation(
			"jakarta.persistence.Entity");

	private static final @Nullable Class<? extends java.lang.annotation.Annotation> ID = annotation(
			"jakarta.persistence.Id");

	private final Map<Class<?>, Shape> shapes = new ConcurrentHashMap<>();

	@Override
	public @Nullable Resource resolve(Object domainObject) {
		if (domainObject instanceof Resource resource) {
			return resource;
		}
		Shape shape = this.shapes.computeIfAbsent(domainObject.getClass(), DefaultDomainResourceResolver::shapeOf);
		if (shape.id == null) {
			return null;
		}
		Object id = shape.id.read(domainObject);
		return (id != null) ? Resource.of(shape.type, id) : null;
	}

	private static Shape shapeOf(Class<?> type) {
		Class<?> entity = entityClass(type);
		Class<?> named = (entity != null) ? entity : ClassUtils.getUserClass(type);
		String name = named.getSimpleName();
		if (entity != null && ENTITY != null) {
			Object explicit = org.springframework.core.annotation.AnnotationUtils.getValue(entity.getAnnotation(ENTITY),
					"name");
			if (explicit instanceof String text && !text.isEmpty()) {
				name = text;
			}
		}
		return new Shape(StringUtils.uncapitalize(name), idReader(named));
	}

	private static @Nullable Class<?> entityClass(Class<?> type) {
		if (ENTITY == null) {
			return null;
		}
		for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
			if (current.isAnnotationPresent(ENTITY)) {
				return current;
			}
		}
		return null;
	}

	private static @Nullable IdReader idReader(Class<?> type) {
		if (ID != null) {
			for (Class<?> current = type; current != null
					&& current != Object.class; current = current.getSuperclass()) {
				for (Field field : current.getDeclaredFields()) {
					if (field.isAnnotationPresent(ID)) {
						Method getter = ReflectionUtils.findMethod(type,
								"get" + StringUtils.capitalize(field.getName()));
						if (getter != null && getter.getParameterCount() == 0) {
							return method(getter);
						}
						ReflectionUtils.makeAccessible(field);
						return (target) -> ReflectionUtils.getField(field, target);
					}
				}
				for (Method method : current.getDeclaredMethods()) {
					if (method.isAnnotationPresent(ID) && method.getParameterCount() == 0) {
						return method(method);
					}
				}
			}
		}
		if (type.isRecord()) {
			for (java.lang.reflect.RecordComponent component : type.getRecordComponents()) {
				if (component.getName().equals("id")) {
					return method(component.getAccessor());
				}
			}
		}
		Method getId = ReflectionUtils.findMethod(type, "getId");
		if (getId != null && Modifier.isPublic(getId.getModifiers()) && getId.getParameterCount() == 0
				&& getId.getReturnType() != void.class) {
			return method(getId);
		}
		return null;
	}

	private static IdReader method(Method method) {
		ReflectionUtils.makeAccessible(method);
		return (target) -> ReflectionUtils.invokeMethod(method, target);
	}

	@SuppressWarnings("unchecked")
	private static @Nullable Class<? extends java.lang.annotation.Annotation> annotation(String name) {
		ClassLoader loader = DefaultDomainResourceResolver.class.getClassLoader();
		return ClassUtils.isPresent(name, loader)
				? (Class<? extends java.lang.annotation.Annotation>) ClassUtils.resolveClassName(name, loader) : null;
	}

	@FunctionalInterface
	private interface IdReader {

		@Nullable Object read(Object target);

	}

	private record Shape(String type, @Nullable IdReader id) {
	}

}
