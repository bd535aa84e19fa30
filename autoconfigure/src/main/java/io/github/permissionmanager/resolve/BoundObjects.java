package io.github.permissionmanager.resolve;

import java.lang.reflect.Array;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.github.permissionmanager.PermissionContextException;
import io.github.permissionmanager.PermissionContextException.Reason;
import io.github.permissionmanager.resolve.BoundProperties.BoundProperty;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;

/**
 * Compares what a bound form or body object says about a key with the value the check
 * reads. The object is walked as the request filled it: its properties, nested objects,
 * maps, collections, arrays, {@code Optional}s, an {@code HttpEntity}'s body and JSON
 * trees, each object once (cycles end), and never into what the request could not have
 * filled — platform types, and JPA state that is not loaded (walking it would load it).
 * Every value found under one of the key's {@link BoundNames} must be the checked value
 * ({@code null} says nothing; each element of a collection counts).
 */
final class BoundObjects {

	private static final List<String> PLATFORM = List.of("java.", "javax.", "jakarta.", "jdk.", "sun.", "com.sun.",
			"kotlin.", "scala.", "groovy.", "reactor.", "org.springframework.", "org.hibernate.", "org.aopalliance.",
			"tools.jackson.", "com.fasterxml.jackson.");

	private BoundObjects() {
	}

	/**
	 * Check that a bound object agrees with the checked value.
	 * @param root the bound argument
	 * @param names the names the key goes by
	 * @param expected the checked value
	 * @param key the key, for the message
	 * @throws PermissionContextException when the object names another value
	 */
	static void agree(@Nullable Object root, BoundNames names, Object expected, String key) {
		Object top = unwrap(root);
		if (top == null) {
			return;
		}
		String wanted = expected.toString();
		for (List<String> path : names.paths()) {
			compare(readPath(top, path), wanted, key);
		}
		Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		Deque<Node> pending = new ArrayDeque<>();
		pending.push(new Node(top, 0));
		while (!pending.isEmpty()) {
			Node node = pending.pop();
			Object value = unwrap(node.value());
			if (value == null || !walkable(value.getClass()) || !seen.add(value) || !JpaLoadState.isLoaded(value)) {
				continue;
			}
			int depth = node.depth();
			boolean deeper = names.deep();
			if (value instanceof Map<?, ?> map) {
				for (Map.Entry<?, ?> entry : map.entrySet()) {
					String name = String.valueOf(entry.getKey());
					inspect(name, entry.getValue(), depth, names, wanted, key);
					push(pending, deeper, entry.getValue(), depth + 1);
				}
			}
			else if (JsonTrees.isTree(value)) {
				JsonTrees.visit(value, (name, child) -> {
					if (name != null) {
						inspect(name, child, depth, names, wanted, key);
					}
					push(pending, deeper, child, depth + 1);
				});
			}
			else if (value instanceof Iterable<?> iterable) {
				iterable.forEach((element) -> push(pending, deeper, element, depth + 1));
			}
			else if (value.getClass().isArray()) {
				for (int i = 0; i < Array.getLength(value); i++) {
					push(pending, deeper, Array.get(value, i), depth + 1);
				}
			}
			else {
				for (BoundProperty property : BoundProperties.of(value.getClass())) {
					boolean named = property.names().stream().anyMatch((name) -> names.names(name, depth));
					boolean association = property.names().stream().anyMatch(names.associations()::contains);
					boolean holdsObjects = !BeanUtils.isSimpleValueType(property.type());
					if (named || (holdsObjects && (association || deeper))) {
						Object child = property.read(value);
						if (named) {
							compare(child, wanted, key);
						}
						if (association) {
							compare(idOf(child), wanted, key);
						}
						push(pending, deeper, child, depth + 1);
					}
				}
			}
		}
	}

	private static void inspect(String name, @Nullable Object value, int depth, BoundNames names, String wanted,
			String key) {
		if (names.names(name, depth)) {
			compare(value, wanted, key);
		}
		if (names.associations().contains(name)) {
			compare(idOf(value), wanted, key);
		}
	}

	private static void push(Deque<Node> pending, boolean deeper, @Nullable Object value, int depth) {
		if (deeper && value != null) {
			pending.push(new Node(value, depth));
		}
	}

	private static void compare(@Nullable Object found, String wanted, String key) {
		Object value = unwrap(found);
		if (value == null || !JpaLoadState.isLoaded(value)) {
			return;
		}
		if (JsonTrees.isTree(value) && JsonTrees.isArray(value)) {
			JsonTrees.visit(value, (name, element) -> compare(element, wanted, key));
			return;
		}
		if (value instanceof Iterable<?> iterable && !JsonTrees.isTree(value)) {
			iterable.forEach((element) -> compare(element, wanted, key));
			return;
		}
		if (value.getClass().isArray()) {
			for (int i = 0; i < Array.getLength(value); i++) {
				compare(Array.get(value, i), wanted, key);
			}
			return;
		}
		String text = JsonTrees.isTree(value) ? JsonTrees.text(value) : value.toString();
		if (text != null && !text.equals(wanted)) {
			throw new PermissionContextException(Reason.INVALID_VALUE, null,
					"'" + key + "' of a bound argument says '" + text + "', but the check reads '" + wanted + "'");
		}
	}

	// the id of an associated object the request filled ({"event":{"id":2}}), or that a
	// managed entity bound from the request holds (an unloaded JPA proxy answers its id
	// through its getter without loading); a plain value under the association's name
	// (an event's name, say) names no object
	private static @Nullable Object idOf(@Nullable Object associated) {
		Object value = unwrap(associated);
		if (value == null || BeanUtils.isSimpleValueType(value.getClass())) {
			return null;
		}
		if (value instanceof Map<?, ?> map) {
			return map.get("id");
		}
		if (JsonTrees.isTree(value)) {
			return JsonTrees.get(value, "id");
		}
		return readPath(value, List.of("id"));
	}

	private static @Nullable Object readPath(Object root, List<String> path) {
		Object current = root;
		for (String segment : path) {
			current = unwrap(current);
			if (current == null) {
				return null;
			}
			if (current instanceof Map<?, ?> map) {
				current = map.get(segment);
				continue;
			}
			if (JsonTrees.isTree(current)) {
				current = JsonTrees.get(current, segment);
				continue;
			}
			Object next = null;
			for (BoundProperty property : BoundProperties.of(current.getClass())) {
				if (property.names().contains(segment)) {
					next = property.read(current);
					break;
				}
			}
			current = next;
		}
		return current;
	}

	private static @Nullable Object unwrap(@Nullable Object value) {
		Object current = value;
		while (true) {
			if (current instanceof Optional<?> optional) {
				current = optional.orElse(null);
			}
			else if (current != null && HttpEntities.isEntity(current)) {
				current = HttpEntities.body(current);
			}
			else {
				return current;
			}
		}
	}

	static boolean walkable(Class<?> type) {
		if (BeanUtils.isSimpleValueType(type) || (type.isArray() && type.getComponentType().isPrimitive())) {
			return false;
		}
		if (Map.class.isAssignableFrom(type) || Iterable.class.isAssignableFrom(type) || type.isArray()
				|| JsonTrees.isTreeType(type)) {
			return true;
		}
		String name = type.getName();
		return PLATFORM.stream().noneMatch(name::startsWith);
	}

	private record Node(Object value, int depth) {
	}

}
