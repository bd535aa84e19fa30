package io.github.permissionmanager.resolve;

import java.lang.reflect.Method;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.permissionmanager.PermissionContext;

import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.util.StringUtils;

/**
 * What one method can provide to context resolution, read once at startup: its arguments
 * by name (and by {@code @PathVariable} / {@code @RequestParam} name), and, for a web
 * handler, the URI template variables of its mapping and the parameters its mapping
 * requires ({@code params = "event_id"}).
 */
public final class MethodSources {

	private static final String REQUEST_MAPPING = "org.springframework.web.bind.annotation.RequestMapping";

	private static final String PATH_VARIABLE = "org.springframework.web.bind.annotation.PathVariable";

	private static final String REQUEST_PARAM = "org.springframework.web.bind.annotation.RequestParam";

	private static final Pattern URI_VARIABLE = Pattern.compile("\\{\\*?([^}:]+)(?::[^}]*)?}");

	private static final ParameterNameDiscoverer names = new DefaultParameterNameDiscoverer();

	private final Map<String, Integer> arguments;

	private final Set<String> requestValues;

	private final boolean handler;

	private final int contextArgumentIndex;

	private MethodSources(Map<String, Integer> arguments, Set<String> requestValues, boolean handler,
			int contextArgumentIndex) {
		this.arguments = arguments;
		this.requestValues = requestValues;
		this.handler = handler;
		this.contextArgumentIndex = contextArgumentIndex;
	}

	/**
	 * Read what a method can provide.
	 * @param method the method (the most specific one for the target class)
	 * @param targetClass the class of the bean it is called on
	 * @return the sources
	 */
	public static MethodSources of(Method method, Class<?> targetClass) {
		Map<String, Integer> arguments = new LinkedHashMap<>();
		int contextIndex = -1;
		String[] parameterNames = names.getParameterNames(method);
		for (int i = 0; i < method.getParameterCount(); i++) {
			MethodParameter parameter = new MethodParameter(method, i);
			if (PermissionContext.class.equals(parameter.getParameterType())) {
				contextIndex = i;
				continue;
			}
			MergedAnnotations annotations = MergedAnnotations.from(parameter.getParameter());
			for (String type : new String[] { PATH_VARIABLE, REQUEST_PARAM }) {
				MergedAnnotation<?> annotation = annotations.get(type);
				if (annotation.isPresent()) {
					String name = annotation.getString("name");
					if (StringUtils.hasText(name)) {
						arguments.putIfAbsent(name, i);
					}
				}
			}
			if (parameterNames != null) {
				arguments.putIfAbsent(parameterNames[i], i);
			}
		}
		Set<String> requestValues = new LinkedHashSet<>();
		MergedAnnotation<?> methodMapping = MergedAnnotations.from(method, SearchStrategy.TYPE_HIERARCHY)
			.get(REQUEST_MAPPING);
		if (methodMapping.isPresent()) {
			MergedAnnotation<?> typeMapping = MergedAnnotations.from(targetClass, SearchStrategy.TYPE_HIERARCHY)
				.get(REQUEST_MAPPING);
			for (MergedAnnotation<?> mapping : new MergedAnnotation<?>[] { typeMapping, methodMapping }) {
				if (mapping.isPresent()) {
					addUriVariables(mapping.getStringArray("path"), requestValues);
					addParams(mapping.getStringArray("params"), requestValues);
				}
			}
		}
		return new MethodSources(Collections.unmodifiableMap(arguments), Collections.unmodifiableSet(requestValues),
				methodMapping.isPresent(), contextIndex);
	}

	private static void addUriVariables(String[] paths, Set<String> into) {
		for (String path : paths) {
			Matcher matcher = URI_VARIABLE.matcher(path);
			while (matcher.find()) {
				into.add(matcher.group(1).trim());
			}
		}
	}

	private static void addParams(String[] params, Set<String> into) {
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

	/**
	 * The index of the argument a key names.
	 * @param key the key
	 * @return the index, or {@code -1}
	 */
	public int argumentIndex(String key) {
		Integer index = this.arguments.get(key);
		return (index != null) ? index : -1;
	}

	/**
	 * The index of the {@link PermissionContext} argument.
	 * @return the index, or {@code -1} when the method declares none
	 */
	public int contextArgumentIndex() {
		return this.contextArgumentIndex;
	}

	/**
	 * Whether the method is a web handler (it has a request mapping).
	 * @return whether it is a handler
	 */
	public boolean isHandler() {
		return this.handler;
	}

	/**
	 * Whether a key can be provided for this method without a model: an argument, a URI
	 * template variable of its mapping, or a parameter its mapping requires.
	 * @param key the key
	 * @return whether it can be provided
	 */
	public boolean canProvide(String key) {
		return this.arguments.containsKey(key) || this.requestValues.contains(key);
	}

}
