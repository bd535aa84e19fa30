package io.github.permissionmanager.resolve;

import java.beans.PropertyDescriptor;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.permissionmanager.PermissionEvaluationException;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;

/**
 * The properties of a class that Spring's data binder or Jackson can fill from request
 * data, read once per class: record components, bean getters, and fields (any visibility,
 * as Jackson can be told to use them), each known by its Java name and by the names
 * {@code @JsonProperty}, {@code @JsonAlias} and {@code @BindParam} give it, since those
 * are the names the request uses.
 */
final class BoundProperties {

	private static final List<String> NAMING_ANNOTATIONS = List.of("com.fasterxml.jackson.annotation.JsonProperty",
			"com.fasterxml.jackson.annotation.JsonAlias", "org.springframework.web.bind.annotation.BindParam");

	private static final ClassValue<List<BoundProperty>> PROPERTIES = new ClassValue<>() {

		@Override
		protected List<BoundProperty> computeValue(Class<?> type) {
			return List.copyOf(discover(type));
		}

	};

	private BoundProperties() {
	}

	/**
	 * The properties of a class.
	 * @param type the class
	 * @return its properties
	 */
	static List<BoundProperty> of(Class<?> type) {
		return PROPERTIES.get(type);
	}

	private static List<BoundProperty> discover(Class<?> type) {
		Map<String, Set<String>> names = new LinkedHashMap<>();
		Map<String, Object> readers = new LinkedHashMap<>();
		if (type.isRecord()) {
			for (RecordComponent component : type.getRecordComponents()) {
				add(names, readers, component.getName(), component.getAccessor(), component, component.getAccessor());
			}
		}
		else {
			for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(type)) {
				Method getter = descriptor.getReadMethod();
				if (getter != null && getter.getDeclaringClass() != Object.class && getter.getParameterCount() == 0) {
					add(names, readers, descriptor.getName(), getter, getter, descriptor.getWriteMethod());
				}
			}
		}
		for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
			for (Field field : current.getDeclaredFields()) {
				if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
					// a field whose getter is known only adds its names; otherwise it is
					// read itself, when the module lets us
					boolean known = readers.containsKey(field.getName());
					add(names, readers, field.getName(), (known || !field.trySetAccessible()) ? null : field, field);
				}
			}
		}
		for (Constructor<?> constructor : type.getDeclaredConstructors()) {
			// constructor binding names a property through the parameter of its name
			for (Parameter parameter : constructor.getParameters()) {
				if (parameter.isNamePresent() && readers.containsKey(parameter.getName())) {
					add(names, readers, parameter.getName(), null, parameter);
				}
			}
		}
		List<BoundProperty> properties = new ArrayList<>();
		readers.forEach((name, reader) -> properties.add(new BoundProperty(names.getOrDefault(name, Set.of(name)),
				reader, (reader instanceof Method method) ? method.getReturnType() : ((Field) reader).getType())));
		return properties;
	}

	private static void add(Map<String, Set<String>> names, Map<String, Object> readers, String name,
			@Nullable Object reader, @Nullable AnnotatedElement... annotated) {
		if (reader != null) {
			if (reader instanceof Method method) {
				method.trySetAccessible();
			}
			readers.putIfAbsent(name, reader);
		}
		Set<String> known = names.computeIfAbsent(name, (key) -> new LinkedHashSet<>(List.of(key)));
		for (AnnotatedElement element : annotated) {
			if (element != null) {
				MergedAnnotations annotations = MergedAnnotations.from(element);
				for (String annotation : NAMING_ANNOTATIONS) {
					MergedAnnotation<?> naming = annotations.get(annotation);
					Object value = naming.isPresent() ? naming.getValue("value").orElse(null) : null;
					for (Object alias : (value instanceof Object[] aliases) ? aliases : new Object[] { value }) {
						if (alias instanceof String text && !text.isEmpty()) {
							known.add(text);
						}
					}
				}
			}
		}
	}

	/**
	 * One property: the names the request can give it, and how to read it.
	 *
	 * @param names its Java name and its aliases
	 * @param reader the getter, record accessor or field
	 * @param type its declared type
	 */
	record BoundProperty(Set<String> names, Object reader, Class<?> type) {

		BoundProperty {
			names = Set.copyOf(names);
		}

		@Nullable Object read(Object target) {
			try {
				return (this.reader instanceof Method method) ? method.invoke(target)
						: ((Field) this.reader).get(target);
			}
			catch (IllegalAccessException | InvocationTargetException | RuntimeException ex) {
				throw new PermissionEvaluationException("Could not read " + this.names + " of a bound argument", ex);
			}
		}

	}

}
