package io.github.permissionmanager.resolve;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.util.StringUtils;

/**
 * What Spring MVC's mapping and binding annotations say about a handler, read by name so
 * that spring-web stays optional: the request mapping, the annotations that bind one
 * argument from a named request value, the arguments filled from request data, and the
 * URI variables, required parameters and HTTP methods of a mapping.
 */
final class WebMappings {

	private static final String WEB_BIND = "org.springframework.web.bind.annotation.";

	static final String REQUEST_MAPPING = WEB_BIND + "RequestMapping";

	// the annotations that bind one argument from a named request value (or request
	// attribute)
	static final List<String> NAMED_BINDINGS = List
		.of("PathVariable", "RequestParam", "MatrixVariable", "RequestHeader", "CookieValue", "RequestPart",
				"RequestAttribute", "SessionAttribute")
		.stream()
		.map(WEB_BIND::concat)
		.toList();

	private static final String MODEL_ATTRIBUTE = WEB_BIND + "ModelAttribute";

	private static final String REQUEST_BODY = WEB_BIND + "RequestBody";

	private static final Pattern URI_VARIABLE = Pattern.compile("\\{\\*?([^}:]+)(?::[^}]*)?}");

	private WebMappings() {
	}

	// What Spring MVC fills from request data into an object the method reads:
	// @ModelAttribute, @RequestBody, @RequestPart, an HttpEntity's body, every request
	// parameter, header or matrix variable as a Map, and an application type without any
	// web annotation (an implicit @ModelAttribute)
	static boolean isBound(MethodParameter parameter, MergedAnnotations annotations) {
		if (annotations.isPresent(MODEL_ATTRIBUTE) || annotations.isPresent(REQUEST_BODY)
				|| annotations.isPresent(WEB_BIND + "RequestPart")) {
			return true;
		}
		Class<?> type = parameter.getParameterType();
		if (HttpEntities.isEntityType(type)) {
			return true;
		}
		if (Map.class.isAssignableFrom(type)) {
			for (String map : List.of("RequestParam", "RequestHeader", "MatrixVariable")) {
				MergedAnnotation<?> annotation = annotations.get(WEB_BIND + map);
				if (annotation.isPresent() && !StringUtils.hasText(annotation.getString("name"))) {
					return true;
				}
			}
		}
		if (BeanUtils.isSimpleProperty(type) || type.isArray() || type.getName().startsWith("java.")
				|| type.getName().startsWith("jakarta.") || type.getName().startsWith("org.springframework.")) {
			return false;
		}
		return annotations.stream().noneMatch((annotation) -> annotation.getType().getName().startsWith(WEB_BIND));
	}

	static void addUriVariables(String[] paths, Set<String> into) {
		for (String path : paths) {
			Matcher matcher = URI_VARIABLE.matcher(path);
			while (matcher.find()) {
				into.add(matcher.group(1).trim());
			}
		}
	}

	static void addParams(String[] params, Set<String> into) {
		for (String param : params) {
			if (param.startsWith("!")) {
				continue;
			}
			int end = param.indexOf('=');
			String name = (end < 0) ? param
					: param.substring(0, (end > 0 && param.charAt(end - 1) == '!') ? end - 1 : end);
			if (StringUtils.hasText(name)) {
				into.add(name.trim());
			}
		}
	}

	static void addHttpMethods(@Nullable Object methods, Set<String> into) {
		if (methods instanceof Enum<?>[] values) {
			for (Enum<?> value : values) {
				into.add(value.name());
			}
		}
	}

}
