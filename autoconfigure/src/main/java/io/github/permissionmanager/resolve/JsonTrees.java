package io.github.permissionmanager.resolve;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.function.BiConsumer;

import io.github.permissionmanager.PermissionEvaluationException;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ReflectionUtils;

/**
 * Jackson trees ({@code JsonNode} of Jackson 3 or 2) bound as a request body, read by
 * name so that Jackson stays optional: an object node's properties, an array node's
 * elements, a value node's text.
 */
final class JsonTrees {

	private static final ClassValue<Boolean> TREES = new ClassValue<>() {

		@Override
		protected Boolean computeValue(Class<?> type) {
			for (Class<?> current = type; current != null; current = current.getSuperclass()) {
				String name = current.getName();
				if (name.equals("tools.jackson.databind.JsonNode")
						|| name.equals("com.fasterxml.jackson.databind.JsonNode")) {
					return true;
				}
			}
			return false;
		}

	};

	private JsonTrees() {
	}

	static boolean isTreeType(Class<?> type) {
		return TREES.get(type);
	}

	static boolean isTree(Object value) {
		return TREES.get(value.getClass());
	}

	static boolean isArray(Object node) {
		return Boolean.TRUE.equals(call(node, "isArray"));
	}

	/**
	 * Hand each child of a tree to a consumer: an object node's properties by name, an
	 * array node's elements with no name.
	 */
	@SuppressWarnings("unchecked")
	static void visit(Object node, BiConsumer<@Nullable String, Object> each) {
		if (Boolean.TRUE.equals(call(node, "isObject"))) {
			Object properties = call(node, "properties");
			if (properties instanceof Iterable<?> entries) {
				for (Object entry : entries) {
					Map.Entry<String, Object> property = (Map.Entry<String, Object>) entry;
					each.accept(property.getKey(), property.getValue());
				}
			}
		}
		else if (Boolean.TRUE.equals(call(node, "isArray")) && node instanceof Iterable<?> elements) {
			elements.forEach((element) -> each.accept(null, element));
		}
	}

	static @Nullable Object get(Object node, String name) {
		if (!Boolean.TRUE.equals(call(node, "isObject"))) {
			return null;
		}
		Method get = ReflectionUtils.findMethod(node.getClass(), "get", String.class);
		return (get != null) ? invoke(get, node, name) : null;
	}

	/**
	 * The text of a value node; {@code null} for a JSON {@code null} or a missing node;
	 * the JSON of an object or array node (which then names no single value).
	 */
	static @Nullable String text(Object node) {
		if (Boolean.TRUE.equals(call(node, "isNull")) || Boolean.TRUE.equals(call(node, "isMissingNode"))) {
			return null;
		}
		if (Boolean.TRUE.equals(call(node, "isValueNode"))) {
			Method text = ReflectionUtils.findMethod(node.getClass(), "asString");
			text = (text != null) ? text : ReflectionUtils.findMethod(node.getClass(), "asText");
			Object value = (text != null) ? invoke(text, node) : null;
			return (value != null) ? value.toString() : null;
		}
		return node.toString();
	}

	private static @Nullable Object call(Object node, String name) {
		Method method = ReflectionUtils.findMethod(node.getClass(), name);
		return (method != null) ? invoke(method, node) : null;
	}

	private static @Nullable Object invoke(Method method, Object target, Object... arguments) {
		try {
			return method.invoke(target, arguments);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			throw new PermissionEvaluationException("Could not read a bound JSON tree", ex);
		}
	}

}
