package io.github.permissionmanager.web;

import java.util.Collection;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Writes the few value shapes a problem body holds (strings, numbers, booleans, lists and
 * maps) as JSON, so the problem responses need no JSON library of the application's.
 */
final class ProblemJson {

	private ProblemJson() {
	}

	static String write(Map<String, ?> object) {
		StringBuilder json = new StringBuilder(256);
		value(object, json);
		return json.toString();
	}

	private static void value(@Nullable Object value, StringBuilder json) {
		if (value == null) {
			json.append("null");
		}
		else if (value instanceof Map<?, ?> map) {
			json.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				json.append(first ? "" : ",");
				string(String.valueOf(entry.getKey()), json);
				json.append(':');
				value(entry.getValue(), json);
				first = false;
			}
			json.append('}');
		}
		else if (value instanceof Collection<?> list) {
			json.append('[');
			boolean first = true;
			for (Object item : list) {
				json.append(first ? "" : ",");
				value(item, json);
				first = false;
			}
			json.append(']');
		}
		else if (value instanceof Number || value instanceof Boolean) {
			json.append(value);
		}
		else {
			string(value.toString(), json);
		}
	}

	private static void string(String text, StringBuilder json) {
		json.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		json.append('"');
	}

}
