package io.github.permissionmanager.resolve;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.permissionmanager.PermissionContext;
import org.jspecify.annotations.Nullable;

import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.util.StringUtils;

/**
 * What one method can provide to context resolution, read once at startup: its arguments
 * by parameter name and by the name of their binding annotation ({@code @PathVariable},
 * {@code @RequestParam}, {@code @MatrixVariable}, {@code @RequestHeader}, ...), the names
 * that more than one argument claims, and, for a web handler, the URI template variables
 * of its mapping, the parameters its mapping requires ({@code params = "event_id"}), the
 * HTTP methods it is mapped to, and the arguments Spring MVC binds from the request
 * ({@code @ModelAttribute}, {@code @RequestBody}).
 */
public final class MethodSources {

	private static final ParameterNameDiscoverer names = new DefaultParameterNameDiscoverer();

	private final Map<String, Integer> arguments;

	private final Set<String> ambiguousArguments;

	private final Set<String> uriVariables;

	private final Set<String> parameters;

	private final @Nullable Set<String> httpMethods;

	private final List<Integer> boundArguments;

	private final List<ResolvableType> boundTypes;

	private final int contextArgumentIndex;

	private MethodSources(Map<String, Integer> arguments, Set<String> ambiguousArguments, Set<String> uriVariables,
			Set<String> parameters, @Nullable Set<String> httpMethods, List<Integer> boundArguments,
			List<ResolvableType> boundTypes, int contextArgumentIndex) {
		this.arguments = arguments;
		this.ambiguousArguments = ambiguousArguments;
		this.uriVariables = uriVariables;
		this.parameters = parameters;
		this.httpMethods = httpMethods;
		this.boundArguments = boundArguments;
		this.boundTypes = boundTypes;
		this.contextArgumentIndex = contextArgumentIndex;
	}

	/**
	 * Read what a method can provide.
	 * @param method the method (the most specific one for the target class)
	 * @param targetClass the class of the bean it is called on
	 * @return the sources
	 */
	public static MethodSources of(Method method, Class<?> targetClass) {
		MergedAnnotation<?> methodMapping = MergedAnnotations.from(method, SearchStrategy.TYPE_HIERARCHY)
			.get(WebMappings.REQUEST_MAPPING);
		boolean handler = methodMapping.isPresent();
		Map<String, Integer> arguments = new LinkedHashMap<>();
		Set<String> ambiguous = new LinkedHashSet<>();
		List<Integer> bound = new ArrayList<>();
		List<ResolvableType> boundTypes = new ArrayList<>();
		int contextIndex = -1;
		String[] parameterNames = names.getParameterNames(method);
		for (int i = 0; i < method.getParameterCount(); i++) {
			MethodParameter parameter = new MethodParameter(method, i);
			if (PermissionContext.class.equals(parameter.getParameterType())) {
				contextIndex = i;
				continue;
			}
			MergedAnnotations annotations = MergedAnnotations.from(parameter.getParameter());
			for (String type : WebMappings.NAMED_BINDINGS) {
				MergedAnnotation<?> annotation = annotations.get(type);
				if (annotation.isPresent()) {
					String name = annotation.getString("name");
					if (StringUtils.hasText(name)) {
						claim(arguments, ambiguous, name, i);
					}
				}
			}
			if (parameterNames != null) {
				claim(arguments, ambiguous, parameterNames[i], i);
			}
			if (handler && WebMappings.isBound(parameter, annotations)) {
				bound.add(i);
				boundTypes.add(ResolvableType.forMethodParameter(method, i, targetClass));
			}
		}
		Set<String> uriVariables = new LinkedHashSet<>();
		Set<String> parameters = new LinkedHashSet<>();
		Set<String> httpMethods = null;
		if (handler) {
			httpMethods = new LinkedHashSet<>();
			MergedAnnotation<?> typeMapping = MergedAnnotations.from(targetClass, SearchStrategy.TYPE_HIERARCHY)
				.get(WebMappings.REQUEST_MAPPING);
			for (MergedAnnotation<?> mapping : new MergedAnnotation<?>[] { typeMapping, methodMapping }) {
				if (mapping.isPresent()) {
					WebMappings.addUriVariables(mapping.getStringArray("path"), uriVariables);
					WebMappings.addParams(mapping.getStringArray("params"), parameters);
					WebMappings.addHttpMethods(mapping.getValue("method").orElse(null), httpMethods);
				}
			}
		}
		return new MethodSources(Collections.unmodifiableMap(arguments), Collections.unmodifiableSet(ambiguous),
				Collections.unmodifiableSet(uriVariables), Collections.unmodifiableSet(parameters),
				(httpMethods != null) ? Collections.unmodifiableSet(httpMethods) : null, List.copyOf(bound),
				List.copyOf(boundTypes), contextIndex);
	}

	// Two arguments known by one name (@PathVariable("event_id") long id and
	// @RequestHeader("event_id") long target): a check of that name could read the one
	// the method does not use
	private static void claim(Map<String, Integer> arguments, Set<String> ambiguous, String name, int index) {
		Integer claimed = arguments.putIfAbsent(name, index);
		if (claimed != null && claimed != index) {
			ambiguous.add(name);
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
	 * Whether a name is the name of more than one argument (by parameter name or binding
	 * annotation), so a check of that key could read another argument than the one the
	 * method uses.
	 * @param key the key
	 * @return whether several arguments are known by it
	 */
	public boolean namesSeveralArguments(String key) {
		return this.ambiguousArguments.contains(key);
	}

	/**
	 * Where a key may come from for this method.
	 * @param key the key
	 * @return its sources
	 */
	public KeySource keySource(String key) {
		return keySource(key, null);
	}

	/**
	 * Where a key may come from for this method, and the names under which a bound form
	 * or body object can carry it.
	 * @param key the key
	 * @param alias the name the resolved value is known by ({@code fetch-as}), or
	 * {@code null}
	 * @return its sources
	 */
	public KeySource keySource(String key, @Nullable String alias) {
		return new KeySource(key, argumentIndex(key), this.parameters.contains(key), this.boundArguments,
				this.boundArguments.isEmpty() ? BoundNames.NONE : BoundNames.of(key, alias));
	}

	/**
	 * The names under which request data can fill a bound argument but that cannot be
	 * read back from it, among those a key goes by (see {@link WriteOnlyNames}).
	 * @param key the key
	 * @param alias the {@code fetch-as} name, or {@code null}
	 * @return each as {@code Type.name}
	 */
	public List<String> writeOnlyNames(String key, @Nullable String alias) {
		if (this.boundTypes.isEmpty()) {
			return List.of();
		}
		BoundNames names = BoundNames.of(key, alias);
		List<String> found = new ArrayList<>();
		this.boundTypes.forEach((type) -> found.addAll(WriteOnlyNames.find(type, names)));
		return found;
	}

	/**
	 * The names of the method's arguments that SpEL conditions may use as variables, with
	 * their indexes: each parameter name and each binding annotation's name.
	 * @return the names and indexes
	 */
	public Map<String, Integer> argumentNames() {
		return this.arguments;
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
		return this.httpMethods != null;
	}

	/**
	 * The HTTP methods the handler is mapped to.
	 * @return the methods, empty for every method (or for a method that is not a handler)
	 */
	public Set<String> httpMethods() {
		return (this.httpMethods != null) ? this.httpMethods : Set.of();
	}

	/**
	 * Whether a name is a URI template variable of the handler's mapping.
	 * @param name the name
	 * @return whether the mapping declares it
	 */
	public boolean isUriVariable(String name) {
		return this.uriVariables.contains(name);
	}

	/**
	 * Whether a name is a request parameter the handler's mapping requires.
	 * @param name the name
	 * @return whether the mapping declares it
	 */
	public boolean isParameter(String name) {
		return this.parameters.contains(name);
	}

	/**
	 * Whether a key can be provided for this method without a model: an argument, a URI
	 * template variable of its mapping, or a parameter its mapping requires.
	 * @param key the key
	 * @return whether it can be provided
	 */
	public boolean canProvide(String key) {
		return this.arguments.containsKey(key) || this.uriVariables.contains(key) || this.parameters.contains(key);
	}

}
