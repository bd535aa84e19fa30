package io.github.permissionmanager.resolve;

import java.beans.PropertyDescriptor;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.github.permissionmanager.resolve.BoundProperties.BoundProperty;

import org.springframework.beans.BeanUtils;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;

/**
 * Finds, at startup, the names under which request data can fill a bound argument's type
 * but which cannot be read back from it: a setter without a getter or field of its name,
 * a {@code @JsonSetter} or {@code @JsonProperty} method, a constructor parameter (a
 * {@code @JsonCreator}'s, or one that constructor binding fills) whose name no property
 * has. When such a name is one a key goes by, a body could name another object there and
 * the check could not see it, so the method must not start.
 */
final class WriteOnlyNames {

	private static final String JACKSON = "com.fasterxml.jackson.annotation.";

	private static final List<String> NAMING = List.of(JACKSON + "JsonProperty", JACKSON + "JsonAlias",
			JACKSON + "JsonSetter", "org.springframework.web.bind.annotation.BindParam");

	private WriteOnlyNames() {
	}

	/**
	 * The write-only names of a bound type (and the types nested in it) that a key goes
	 * by.
	 * @param root the declared type of the bound argument
	 * @param names the names of the key
	 * @return each as {@code Type.name}
	 */
	static List<String> find(ResolvableType root, BoundNames names) {
		List<String> found = new ArrayList<>();
		Set<Class<?>> seen = new HashSet<>();
		Deque<Node> pending = new ArrayDeque<>();
		pending.push(new Node(root, 0));
		while (!pending.isEmpty()) {
			Node node = pending.pop();
			Class<?> type = node.type().resolve();
			if (type == null) {
				continue;
			}
			if (Optional.class == type || HttpEntities.isEntityType(type)) {
				pending.push(new Node(node.type().getGeneric(0), node.depth()));
				continue;
			}
			if (type.isArray() || Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)) {
				ResolvableType element = type.isArray() ? node.type().getComponentType()
						: node.type().asMap() != ResolvableType.NONE ? node.type().asMap().getGeneric(1)
								: node.type().asCollection().getGeneric(0);
				pending.push(new Node(element, node.depth() + 1));
				continue;
			}
			if (!BoundObjects.walkable(type) || JsonTrees.isTreeType(type) || !seen.add(type)) {
				continue;
			}
			Set<String> readable = new HashSet<>();
			for (BoundProperty property : BoundProperties.of(type)) {
				readable.addAll(property.names());
				if (names.deep()) {
					pending.push(new Node(declared(property, type), node.depth() + 1));
				}
			}
			for (String name : writable(type)) {
				if (!readable.contains(name)
						&& (names.names(name, node.depth()) || names.associations().contains(name))) {
					found.add(type.getSimpleName() + "." + name);
				}
			}
		}
		return found;
	}

	private static ResolvableType declared(BoundProperty property, Class<?> owner) {
		return (property.reader() instanceof Method method) ? ResolvableType.forMethodReturnType(method, owner)
				: ResolvableType.forField((Field) property.reader(), owner);
	}

	// every name request data can write into a type through
	private static Set<String> writable(Class<?> type) {
		Set<String> names = new LinkedHashSet<>();
		for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(type)) {
			Method setter = descriptor.getWriteMethod();
			if (setter != null) {
				names.add(descriptor.getName());
				addNamed(names, setter);
			}
		}
		for (Method method : type.getMethods()) {
			if (method.getParameterCount() == 1 && isNaming(method)) {
				addNamed(names, method);
			}
		}
		for (Constructor<?> constructor : type.getDeclaredConstructors()) {
			for (Parameter parameter : constructor.getParameters()) {
				if (!addNamed(names, parameter) && parameter.isNamePresent()) {
					names.add(parameter.getName());
				}
			}
		}
		return names;
	}

	private static boolean isNaming(AnnotatedElement element) {
		MergedAnnotations annotations = MergedAnnotations.from(element);
		return NAMING.stream().anyMatch(annotations::isPresent);
	}

	private static boolean addNamed(Set<String> names, AnnotatedElement element) {
		boolean named = false;
		MergedAnnotations annotations = MergedAnnotations.from(element);
		for (String annotation : NAMING) {
			MergedAnnotation<?> naming = annotations.get(annotation);
			Object value = naming.isPresent() ? naming.getValue("value").orElse(null) : null;
			for (Object alias : (value instanceof Object[] aliases) ? aliases : new Object[] { value }) {
				if (alias instanceof String text && !text.isEmpty()) {
					names.add(text);
					named = true;
				}
			}
		}
		return named;
	}

	private record Node(ResolvableType type, int depth) {
	}

}
