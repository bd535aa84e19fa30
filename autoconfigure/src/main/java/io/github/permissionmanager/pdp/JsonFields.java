package io.github.permissionmanager.pdp;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads one JSON object of the wire format strictly: each field by its expected type, a
 * missing required field, a field of the wrong type, an empty name and (once the reader
 * is done) any field it did not read are {@link PdpInputException}s naming the field by
 * its path. {@code null} counts as absent. Hand-written rather than bound to classes so
 * the rules are the wire format's, whatever the application's Jackson settings.
 */
public final class JsonFields {

	private final JsonNode node;

	private final String path;

	private final Set<String> read = new HashSet<>();

	private JsonFields(JsonNode node, String path) {
		this.node = node;
		this.path = path;
	}

	/**
	 * Read a node that must be an object.
	 * @param node the node
	 * @param path its path, empty for the body
	 * @return the reader
	 * @throws PdpInputException when the node is not an object
	 */
	public static JsonFields of(JsonNode node, String path) {
		if (!node.isObject()) {
			throw new PdpInputException(path, "must be a JSON object");
		}
		return new JsonFields(node, path);
	}

	/**
	 * The path of one of this object's fields.
	 * @param name the field name
	 * @return its path
	 */
	public String path(String name) {
		return this.path.isEmpty() ? name : this.path + "." + name;
	}

	/**
	 * Whether a field is present (and not {@code null}).
	 * @param name the field name
	 * @return whether it is
	 */
	public boolean has(String name) {
		return field(name) != null;
	}

	/**
	 * A required string that is not blank.
	 * @param name the field name
	 * @return the string
	 */
	public String text(String name) {
		String text = optionalText(name);
		if (text == null) {
			throw new PdpInputException(path(name), "is required");
		}
		return text;
	}

	/**
	 * An optional string; when present, it must not be blank.
	 * @param name the field name
	 * @return the string, or {@code null} when absent
	 */
	public @Nullable String optionalText(String name) {
		JsonNode value = field(name);
		if (value == null) {
			return null;
		}
		if (!value.isString()) {
			throw new PdpInputException(path(name), "must be a string");
		}
		return nonBlank(name, value.stringValue());
	}

	/**
	 * An optional key: a string, or an integral number read as its decimal text
	 * ({@code 7} and {@code "7"} name the same object).
	 * @param name the field name
	 * @return the key, or {@code null} when absent
	 */
	public @Nullable String optionalKey(String name) {
		JsonNode value = field(name);
		if (value == null) {
			return null;
		}
		if (value.isIntegralNumber()) {
			return value.bigIntegerValue().toString();
		}
		if (!value.isString()) {
			throw new PdpInputException(path(name), "must be a string or an integer");
		}
		return nonBlank(name, value.stringValue());
	}

	/**
	 * An optional boolean.
	 * @param name the field name
	 * @return its value, {@code false} when absent
	 */
	public boolean flag(String name) {
		JsonNode value = field(name);
		if (value == null) {
			return false;
		}
		if (!value.isBoolean()) {
			throw new PdpInputException(path(name), "must be true or false");
		}
		return value.booleanValue();
	}

	/**
	 * A required boolean.
	 * @param name the field name
	 * @return its value
	 */
	public boolean requiredFlag(String name) {
		if (!has(name)) {
			throw new PdpInputException(path(name), "is required");
		}
		return flag(name);
	}

	/**
	 * An optional array of non-blank strings.
	 * @param name the field name
	 * @param max how many it may hold
	 * @return the strings, empty when absent
	 */
	public List<String> texts(String name, int max) {
		List<String> texts = new ArrayList<>();
		for (JsonNode item : array(name, max)) {
			String itemPath = path(name) + "[" + texts.size() + "]";
			if (!item.isString() || item.stringValue().isBlank()) {
				throw new PdpInputException(itemPath, "must be a string that is not blank");
			}
			texts.add(item.stringValue());
		}
		return texts;
	}

	/**
	 * A required array of objects.
	 * @param name the field name
	 * @param max how many it may hold
	 * @return a reader per object, in order
	 */
	public List<JsonFields> objects(String name, int max) {
		if (!has(name)) {
			throw new PdpInputException(path(name), "is required");
		}
		List<JsonFields> objects = new ArrayList<>();
		for (JsonNode item : array(name, max)) {
			objects.add(of(item, path(name) + "[" + objects.size() + "]"));
		}
		return objects;
	}

	/**
	 * A required object.
	 * @param name the field name
	 * @return its reader
	 */
	public JsonFields object(String name) {
		JsonFields object = optionalObject(name);
		if (object == null) {
			throw new PdpInputException(path(name), "is required");
		}
		return object;
	}

	/**
	 * An optional object.
	 * @param name the field name
	 * @return its reader, or {@code null} when absent
	 */
	public @Nullable JsonFields optionalObject(String name) {
		JsonNode value = field(name);
		return (value != null) ? of(value, path(name)) : null;
	}

	/**
	 * An optional object of free-form values (attributes, context), as plain Java values:
	 * strings, booleans, {@code Long} or {@code BigInteger} integers, {@code BigDecimal}
	 * decimals, lists and maps. {@code null} values are refused.
	 * @param name the field name
	 * @return the values, empty when absent
	 */
	public Map<String, Object> values(String name) {
		JsonNode value = field(name);
		if (value == null) {
			return Map.of();
		}
		if (!value.isObject()) {
			throw new PdpInputException(path(name), "must be a JSON object");
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> values = (Map<String, Object>) plain(value, path(name));
		return values;
	}

	/**
	 * Refuse every field that was not read.
	 */
	public void end() {
		for (String name : this.node.propertyNames()) {
			if (!this.read.contains(name)) {
				throw new PdpInputException(path(name), "is not a known field");
			}
		}
	}

	private @Nullable JsonNode field(String name) {
		this.read.add(name);
		JsonNode value = this.node.get(name);
		return (value == null || value.isNull()) ? null : value;
	}

	private List<JsonNode> array(String name, int max) {
		JsonNode value = field(name);
		if (value == null) {
			return List.of();
		}
		if (!value.isArray()) {
			throw new PdpInputException(path(name), "must be an array");
		}
		if (value.size() > max) {
			throw new PdpInputException(path(name), "may hold at most " + max + " items");
		}
		List<JsonNode> items = new ArrayList<>(value.size());
		value.forEach(items::add);
		return items;
	}

	private String nonBlank(String name, String text) {
		if (text.isBlank()) {
			throw new PdpInputException(path(name), "must not be blank");
		}
		return text;
	}

	private static Object plain(JsonNode value, String path) {
		if (value.isObject()) {
			Map<String, Object> map = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> entry : value.properties()) {
				map.put(entry.getKey(), plain(entry.getValue(), path + "." + entry.getKey()));
			}
			return map;
		}
		if (value.isArray()) {
			List<Object> list = new ArrayList<>();
			for (JsonNode item : value) {
				list.add(plain(item, path + "[" + list.size() + "]"));
			}
			return list;
		}
		if (value.isString()) {
			return value.stringValue();
		}
		if (value.isBoolean()) {
			return value.booleanValue();
		}
		if (value.isIntegralNumber()) {
			BigInteger integer = value.bigIntegerValue();
			return (integer.bitLength() < 64) ? (Object) integer.longValue() : integer;
		}
		if (value.isNumber()) {
			return value.decimalValue();
		}
		throw new PdpInputException(path, "must not be null");
	}

}
