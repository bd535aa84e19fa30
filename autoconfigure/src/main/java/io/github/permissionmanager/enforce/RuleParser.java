package io.github.permissionmanager.enforce;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.permissionmanager.Logical;
import io.github.permissionmanager.RequiresPermissions;
import io.github.permissionmanager.decide.WildcardPermission;
import io.github.permissionmanager.resolve.MethodSources;
import io.github.permissionmanager.resolve.ResolutionPlan;
import io.github.permissionmanager.resolve.ResolutionPlanner;
import io.github.permissionmanager.resolve.ResolutionSpec;
import org.jspecify.annotations.Nullable;

import org.springframework.expression.Expression;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Turns a method's {@link RequiresPermissions} and the named {@link RuleDefinition} it
 * references into a {@link PermissionRule}. An attribute set on the annotation (to
 * anything but its default) overrides the rule's, and no combination may read weaker than
 * the annotation: a rule's {@code logical: ANY} under an annotation that reads
 * {@code ALL} is a problem, as is a {@code methods} filter that excludes every verb of
 * the handler's mapping, a malformed permission, or a SpEL variable that no source
 * provides. Every problem found is added to a list, so startup can report them all at
 * once.
 */
final class RuleParser {

	static final Set<String> HTTP_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");

	private static final RuleDefinition NONE = new RuleDefinition();

	private final Map<String, RuleDefinition> rules;

	private final ResolutionPlanner planner;

	private final RuleExpressions expressions = new RuleExpressions();

	RuleParser(Map<String, RuleDefinition> rules, ResolutionPlanner planner) {
		Assert.notNull(rules, "rules cannot be null");
		Assert.notNull(planner, "planner cannot be null");
		this.rules = rules;
		this.planner = planner;
	}

	/**
	 * Check every named rule on its own, used by a method or not: malformed permissions,
	 * unknown HTTP methods, bad SpEL, and keys and models that cannot work whatever the
	 * method (an unknown entity or attribute, a model without fetch).
	 * @param problems where problems are added, each prefixed with the rule
	 */
	void validateRules(List<String> problems) {
		this.rules.forEach((name, rule) -> {
			List<String> found = new ArrayList<>();
			checkPermissions(rule.getPermissions(), "permissions", found);
			checkPermissions(rule.getOptional(), "optional", found);
			httpMethods(rule.getMethods(), found);
			this.expressions.parse("leave-if", rule.getLeaveIf(), found);
			this.expressions.parse("check", rule.getCheck(), found);
			this.planner.validate(new ResolutionSpec(rule.getFetch(), pick("", rule.getFetchAs()), rule.getModel(),
					rule.getFetchKeyUrl(), pick("", rule.getFetchKeyModel()), pick("", rule.getResource()),
					rule.getAttributes()), found);
			found.forEach((problem) -> problems.add("rule '" + name + "': " + problem));
		});
	}

	/**
	 * The permissions the named rules require or ask for as optional.
	 * @return the permissions
	 */
	Set<String> rulePermissions() {
		Set<String> permissions = new LinkedHashSet<>();
		this.rules.values().forEach((rule) -> {
			permissions.addAll(rule.getPermissions());
			permissions.addAll(rule.getOptional());
		});
		return permissions;
	}

	/**
	 * Parse the rule governing a method.
	 * @param method the most specific method for the target class
	 * @param targetClass the class of the bean
	 * @param problems where problems are added, each prefixed with the method
	 * @return the rule, or {@code null} when the method is not guarded or has problems
	 */
	@Nullable PermissionRule parse(Method method, Class<?> targetClass, List<String> problems) {
		RequiresPermissions annotation = RequiresPermissionsLookup.find(method, targetClass);
		if (annotation == null) {
			return null;
		}
		String name = targetClass.getName() + "#" + method.getName();
		List<String> found = new ArrayList<>();
		PermissionRule rule = parse(name, annotation, method, targetClass, found);
		found.forEach((problem) -> problems.add(name + ": " + problem));
		return found.isEmpty() ? rule : null;
	}

	private @Nullable PermissionRule parse(String name, RequiresPermissions annotation, Method method,
			Class<?> targetClass, List<String> problems) {
		checkAdvisable(method, targetClass, problems);
		RuleDefinition rule = NONE;
		if (StringUtils.hasText(annotation.rule())) {
			RuleDefinition named = this.rules.get(annotation.rule());
			if (named == null) {
				problems.add("unknown rule '" + annotation.rule() + "' (known: " + this.rules.keySet() + ")");
			}
			else {
				rule = named;
			}
		}
		else if (annotation.value().length == 0) {
			problems.add("neither value nor rule is set");
		}
		List<String> permissions = pick(annotation.value(), rule.getPermissions());
		Logical logical = logical(annotation, rule, permissions, problems);
		List<String> optional = pick(annotation.optional(), rule.getOptional());
		if (permissions.isEmpty() && problems.isEmpty()) {
			problems.add("no permissions: set value, or permissions on the rule");
		}
		checkPermissions(permissions, "value", problems);
		checkPermissions(optional, "optional", problems);
		MethodSources sources = MethodSources.of(method, targetClass);
		Set<String> httpMethods = httpMethods(pick(annotation.methods(), rule.getMethods()), problems);
		if (!sources.isHandler()) {
			// outside a handler the request's verb says nothing about this call: the
			// check always applies
			httpMethods = Set.of();
		}
		else if (RequiresPermissionsLookup.hasOwn(method)) {
			checkMethodsOverlapMapping(httpMethods, sources.httpMethods(), problems);
		}
		Map<String, @Nullable String> texts = new LinkedHashMap<>();
		texts.put("leaveIf", pick(annotation.leaveIf(), rule.getLeaveIf()));
		texts.put("check", pick(annotation.check(), rule.getCheck()));
		Expression leaveIf = this.expressions.parse("leaveIf", texts.get("leaveIf"), problems);
		Expression check = this.expressions.parse("check", texts.get("check"), problems);
		List<String> models = (annotation.model().length > 0)
				? Arrays.stream(annotation.model()).map(Class::getName).toList() : rule.getModel();
		ResolutionSpec spec = new ResolutionSpec(pick(annotation.fetch(), rule.getFetch()),
				pick(annotation.fetchAs(), rule.getFetchAs()), models,
				pick(annotation.fetchKeyUrl(), rule.getFetchKeyUrl()),
				pick(annotation.fetchKeyModel(), rule.getFetchKeyModel()),
				pick(annotation.resource(), rule.getResource()), rule.getAttributes());
		ResolutionPlan plan = this.planner.plan(spec, sources, problems);
		Map<String, Set<String>> variables = new LinkedHashMap<>();
		variables.put("leaveIf", (leaveIf != null) ? RuleExpressions.variables(leaveIf) : Set.of());
		variables.put("check", (check != null) ? RuleExpressions.variables(check) : Set.of());
		List<String> resolvedNames = (plan != null) ? plan.names() : Collections.emptyList();
		ConditionVariables conditionVariables = ConditionVariables.plan(texts, variables, sources, resolvedNames,
				problems);
		if (!problems.isEmpty()) {
			return null;
		}
		return new PermissionRule(name, permissions, logical, optional, httpMethods, leaveIf, check, plan,
				conditionVariables, sources.contextArgumentIndex());
	}

	// Logical has no "not set" value, so an annotation's ALL may be its default or
	// written out: a rule's ANY would make the check weaker than the annotation reads,
	// and is refused
	private static Logical logical(RequiresPermissions annotation, RuleDefinition rule, List<String> permissions,
			List<String> problems) {
		if (annotation.logical() == Logical.ANY) {
			return Logical.ANY;
		}
		if (rule.getLogical() == Logical.ANY && permissions.size() > 1) {
			problems.add("rule '" + annotation.rule()
					+ "' says logical ANY, but the annotation reads ALL (its default);"
					+ " set logical = Logical.ANY on the annotation to accept the rule's, or remove it from the rule");
			return Logical.ALL;
		}
		// ANY of a single permission is ALL of it
		return rule.getLogical();
	}

	private static void checkMethodsOverlapMapping(Set<String> methods, Set<String> mapped, List<String> problems) {
		if (!overlaps(methods, mapped)) {
			List<String> asked = new ArrayList<>(methods);
			asked.remove("HEAD");
			problems.add("methods " + (asked.isEmpty() ? methods : asked)
					+ " excludes every HTTP method the handler is mapped to " + mapped
					+ ", so the check would never apply");
		}
	}

	/**
	 * Whether a {@code methods} filter lets the check apply to a handler: no filter, a
	 * handler mapped to every verb, or a verb in common ({@code GET} reaches
	 * {@code HEAD}).
	 * @param methods the filter
	 * @param mapped the verbs the handler is mapped to
	 * @return whether the check applies to some call of the handler
	 */
	static boolean overlaps(Set<String> methods, Set<String> mapped) {
		if (methods.isEmpty() || mapped.isEmpty()) {
			return true;
		}
		Set<String> reachable = new LinkedHashSet<>(mapped);
		if (reachable.contains("GET")) {
			reachable.add("HEAD");
		}
		return !Collections.disjoint(methods, reachable);
	}

	private static void checkAdvisable(Method method, Class<?> targetClass, List<String> problems) {
		int modifiers = method.getModifiers();
		if (RequiresPermissionsLookup.hasOwn(method)) {
			if (Modifier.isPrivate(modifiers) || Modifier.isStatic(modifiers) || Modifier.isFinal(modifiers)) {
				problems.add("the method is "
						+ Modifier.toString(modifiers & (Modifier.PRIVATE | Modifier.STATIC | Modifier.FINAL))
						+ ", so it cannot be advised and would run unchecked");
			}
		}
		else if (Modifier.isFinal(modifiers)) {
			problems
				.add("the method is final, so its type's @RequiresPermissions cannot apply and it would run unchecked");
		}
		if (Modifier.isFinal(targetClass.getModifiers())) {
			problems.add("the class is final, so it cannot be proxied and its methods would run unchecked");
		}
	}

	private static void checkPermissions(List<String> permissions, String attribute, List<String> problems) {
		for (String permission : permissions) {
			if (!StringUtils.hasText(permission)) {
				problems.add(attribute + " has an empty permission");
				continue;
			}
			try {
				WildcardPermission.parse(permission);
			}
			catch (IllegalArgumentException ex) {
				problems.add(attribute + " has a malformed permission '" + permission + "': " + ex.getMessage());
			}
		}
	}

	private static Set<String> httpMethods(List<String> methods, List<String> problems) {
		Set<String> result = new LinkedHashSet<>();
		for (String method : methods) {
			String upper = method.trim().toUpperCase(Locale.ROOT);
			if (!HTTP_METHODS.contains(upper)) {
				problems.add("unknown HTTP method '" + method + "' in methods");
			}
			result.add(upper);
		}
		if (result.contains("GET")) {
			// Spring MVC runs a GET handler for HEAD too: a GET check must not be skipped
			// that way
			result.add("HEAD");
		}
		return result;
	}

	private static List<String> pick(String[] annotation, List<String> rule) {
		return (annotation.length > 0) ? List.of(annotation) : List.copyOf(rule);
	}

	private static @Nullable String pick(String annotation, @Nullable String rule) {
		if (StringUtils.hasText(annotation)) {
			return annotation;
		}
		return StringUtils.hasText(rule) ? rule : null;
	}

}
