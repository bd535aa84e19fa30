package io.github.permissionmanager.enforce;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.resolve.KeySource;
import io.github.permissionmanager.resolve.MethodSources;
import io.github.permissionmanager.resolve.RequestValues;
import io.github.permissionmanager.resolve.ResolutionPlanner;
import io.github.permissionmanager.resolve.SourcePolicy;
import org.jspecify.annotations.Nullable;

/**
 * The variables a method's conditions read, as {@code @PreAuthorize} users expect: beside
 * {@code #context}, {@code #subject} and each resolved value, a method argument by
 * parameter name (or its binding annotation's name), a URI template variable of the
 * mapping, and a request parameter the mapping requires (one value, as a {@code String};
 * repeated, or also a URI variable: 400). Each name is read by the same
 * {@link SourcePolicy} as a {@code fetch} key; a resolved value of the same name wins,
 * since it is what the check is about.
 */
final class ConditionVariables {

	static final ConditionVariables NONE = new ConditionVariables(List.of(), false);

	private static final Set<String> BUILT_IN = Set.of("context", "subject");

	private final List<KeySource> sources;

	private final boolean readsSubject;

	private ConditionVariables(List<KeySource> sources, boolean readsSubject) {
		this.sources = List.copyOf(sources);
		this.readsSubject = readsSubject;
	}

	/**
	 * Plan the variables of a method's conditions, adding a problem for each one that no
	 * source provides.
	 */
	static ConditionVariables plan(Map<String, @Nullable String> expressions, Map<String, Set<String>> variables,
			MethodSources sources, List<String> resolvedNames, List<String> problems) {
		List<KeySource> planned = new ArrayList<>();
		boolean readsSubject = false;
		for (Map.Entry<String, Set<String>> entry : variables.entrySet()) {
			for (String name : entry.getValue()) {
				readsSubject |= name.equals("subject");
				if (BUILT_IN.contains(name) || resolvedNames.contains(name)) {
					continue;
				}
				if (!sources.argumentNames().containsKey(name) && !sources.isUriVariable(name)
						&& !sources.isParameter(name)) {
					problems.add("SpEL in " + entry.getKey() + " '" + expressions.get(entry.getKey()) + "' uses #"
							+ name + ", which no source provides (not an argument, a URI template variable or a"
							+ " required parameter of the mapping, nor a resolved fetch name)");
				}
				else if (planned.stream().noneMatch((source) -> source.key().equals(name))) {
					ResolutionPlanner.checkOneArgument("SpEL variable", name, sources, problems);
					planned.add(sources.keySource(name));
				}
			}
		}
		return (planned.isEmpty() && !readsSubject) ? NONE : new ConditionVariables(planned, readsSubject);
	}

	boolean readsSubject() {
		return this.readsSubject;
	}

	Map<String, @Nullable Object> values(PermissionContext context, @Nullable Object[] arguments,
			@Nullable RequestValues request) {
		if (this.sources.isEmpty()) {
			return Map.of();
		}
		Map<String, @Nullable Object> values = new HashMap<>();
		for (KeySource source : this.sources) {
			Object resolved = context.get(source.key());
			values.put(source.key(), (resolved != null) ? resolved : SourcePolicy.value(source, arguments, request));
		}
		return values;
	}

}
