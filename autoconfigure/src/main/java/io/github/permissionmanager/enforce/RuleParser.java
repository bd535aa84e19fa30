package io.github.permissionmanager.enforce;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.permissionmanager.Logical;
import io.github.permissionmanager.RequiresPermissions;
import io.github.permissionmanager.resolve.MethodSources;
import io.github.permissionmanager.resolve.ResolutionPlan;
import io.github.permissionmanager.resolve.ResolutionPlanner;
import io.github.permissionmanager.resolve.ResolutionSpec;
import org.jspecify.annotations.Nullable;

import org.springframework.expression.Expression;
import org.springframework.expression.ExpressionParser;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.Assign;
import org.springframework.expression.spel.ast.BeanReference;
import org.springframework.expression.spel.ast.ConstructorReference;
import org.springframework.expression.spel.ast.TypeReference;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Turns a method's {@link RequiresPermissions} and the named rule it references into a
 * {@link PermissionRule}. An attribute set on the annotation (to anything but its
 * default) overrides the rule's. Every problem found is added to a list, so startup can
 * report them all at once.
 */
final class RuleParser {

	static final Set<String> HTTP_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");

	private final Map<String, NamedRule> rules;

	private final ResolutionPlanner planner;

	private final ExpressionParser expressions = new SpelExpressionParser();

	RuleParser(Map<String, NamedRule> rules, ResolutionPlanner planner) {
		Assert.notNull(rules, "rules cannot be null");
		Assert.notNull(planner, "planner cannot be null");
		this.rules = rules;
		this.planner = planner;
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
		NamedRule rule = NamedRule.NONE;
		if (StringUtils.hasText(annotation.rule())) {
			NamedRule named = this.rules.get(annotation.rule());
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
		List<String> permissions = pick(annotation.value(), rule.permissions());
		Logical logical = (annotation.logical() != Logical.ALL) ? annotation.logical() : rule.logical();
		List<String> optional = pick(annotation.optional(), rule.optional());
		if (permissions.isEmpty() && problems.isEmpty()) {
			problems.add("no permissions: set value, or permissions on the rule");
		}
		checkPermissions(permissions, "value", problems);
		checkPermissions(optional, "optional", problems);
		Set<String> httpMethods = httpMethods(pick(annotation.methods(), rule.methods()), problems);
		Expression leaveIf = expression("leaveIf", pick(annotation.leaveIf(), rule.leaveIf()), problems);
		Expression check = expression("check", pick(annotation.check(), rule.check()), problems);
		List<String> models = (annotation.model().length > 0)
				? Arrays.stream(annotation.model()).map(Class::getName).toList() : rule.model();
		ResolutionSpec spec = new ResolutionSpec(pick(annotation.fetch(), rule.fetch()),
				pick(annotation.fetchAs(), rule.fetchAs()), models, pick(annotation.fetchKeyUrl(), rule.fetchKeyUrl()),
				pick(annotation.fetchKeyModel(), rule.fetchKeyModel()), pick(annotation.resource(), rule.resource()));
		MethodSources sources = MethodSources.of(method, targetClass);
		ResolutionPlan plan = this.planner.plan(spec, sources, problems);
		if (!problems.isEmpty()) {
			return null;
		}
		return new PermissionRule(name, permissions, logical, optional, httpMethods, leaveIf, check, plan,
				sources.contextArgumentIndex());
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

	private @Nullable Expression expression(String attribute, @Nullable String text, List<String> problems) {
		if (text == null) {
			return null;
		}
		Expression expression;
		try {
			expression = this.expressions.parseExpression(text);
		}
		catch (ParseException ex) {
			problems.add("bad SpEL in " + attribute + " '" + text + "': " + ex.getSimpleMessage());
			return null;
		}
		String forbidden = (expression instanceof SpelExpression spel) ? forbidden(spel.getAST()) : null;
		if (forbidden != null) {
			problems.add("SpEL in " + attribute + " '" + text + "' uses " + forbidden
					+ ", which conditions do not allow (they read the context only)");
			return null;
		}
		return expression;
	}

	// The evaluation context refuses these too; rejecting them here makes the mistake a
	// startup error
	private static @Nullable String forbidden(SpelNode node) {
		if (node instanceof TypeReference) {
			return "a type reference";
		}
		if (node instanceof BeanReference) {
			return "a bean reference";
		}
		if (node instanceof ConstructorReference) {
			return "a constructor";
		}
		if (node instanceof Assign) {
			return "an assignment";
		}
		for (int i = 0; i < node.getChildCount(); i++) {
			String found = forbidden(node.getChild(i));
			if (found != null) {
				return found;
			}
		}
		return null;
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
