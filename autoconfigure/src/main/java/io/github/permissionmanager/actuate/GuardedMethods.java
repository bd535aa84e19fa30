package io.github.permissionmanager.actuate;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import io.github.permissionmanager.actuate.PermissionsDescriptor.GuardedMethod;
import io.github.permissionmanager.actuate.PermissionsDescriptor.Key;
import io.github.permissionmanager.actuate.PermissionsDescriptor.Lookup;
import io.github.permissionmanager.actuate.PermissionsDescriptor.Resolution;
import io.github.permissionmanager.enforce.PermissionRule;
import io.github.permissionmanager.enforce.RuleRegistry;
import io.github.permissionmanager.resolve.KeySource;
import io.github.permissionmanager.resolve.ModelLookup;
import io.github.permissionmanager.resolve.ResolutionPlan;
import org.jspecify.annotations.Nullable;

import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.expression.Expression;

/**
 * Describes the rules the {@link RuleRegistry} holds, as startup validation parsed them:
 * nothing is resolved a second time, so the listing is what the checks use.
 */
final class GuardedMethods {

	private static final ParameterNameDiscoverer parameterNames = new DefaultParameterNameDiscoverer();

	private GuardedMethods() {
	}

	static List<GuardedMethod> describe(RuleRegistry registry) {
		List<GuardedMethod> described = new ArrayList<>();
		for (RuleRegistry.GuardedMethod guarded : registry.guardedMethods()) {
			PermissionRule rule = guarded.rule();
			Method method = guarded.method();
			ResolutionPlan plan = rule.plan();
			described.add(new GuardedMethod(guarded.targetClass().getName(), signature(method), rule.permissions(),
					rule.logical(), rule.optional(), new TreeSet<>(rule.httpMethods()), text(rule.leaveIf()),
					text(rule.check()), (plan != null) ? resolution(plan, method) : null));
		}
		return described;
	}

	private static Resolution resolution(ResolutionPlan plan, Method method) {
		List<Key> keys = new ArrayList<>();
		for (int i = 0; i < plan.size(); i++) {
			KeySource source = plan.key(i);
			keys.add(new Key(source.key(), plan.name(i), plan.resourceType(i), sources(source, method),
					source.boundArguments().stream().map((index) -> argument(method, index)).toList()));
		}
		List<Lookup> lookups = new ArrayList<>();
		for (ModelLookup lookup : plan.lookups()) {
			lookups.add(new Lookup(lookup.query().entityName(), lookup.query().fetchKey(),
					lookup.query().attributePath(), lookup.query().keyAttribute(), lookup.lookupKey(), lookup.name(),
					lookup.resourceType(), lookup.query().query()));
		}
		return new Resolution(keys, lookups);
	}

	// In the order SourcePolicy reads them (DESIGN.md section 10)
	private static List<String> sources(KeySource source, Method method) {
		if (source.declared()) {
			return List.of(argument(method, source.argumentIndex()));
		}
		return source.parameterDeclared() ? List.of("uri-variable", "request-parameter") : List.of("uri-variable");
	}

	private static String argument(Method method, int index) {
		@Nullable String[] names = parameterNames.getParameterNames(method);
		String name = (names != null && index < names.length) ? names[index] : null;
		return "argument '" + ((name != null) ? name : "#" + index) + "'";
	}

	private static String signature(Method method) {
		StringBuilder signature = new StringBuilder(method.getName()).append('(');
		Class<?>[] types = method.getParameterTypes();
		for (int i = 0; i < types.length; i++) {
			signature.append((i > 0) ? ", " : "").append(types[i].getSimpleName());
		}
		return signature.append(')').toString();
	}

	private static @Nullable String text(@Nullable Expression expression) {
		return (expression != null) ? expression.getExpressionString() : null;
	}

}
