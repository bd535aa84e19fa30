package io.github.permissionmanager.enforce;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.permissionmanager.InvalidPermissionRulesException;
import io.github.permissionmanager.resolve.ResolutionPlanner;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.TargetClassAware;
import org.springframework.aop.support.AopUtils;

/**
 * The parsed rule of every guarded method, cached per method and target class. Startup
 * validation fills it for every bean; a method first seen later (a lazy or prototype
 * bean) is parsed on its first call, once, and a rule that does not parse fails that call
 * closed.
 */
public final class RuleRegistry {

	private static final Object NONE = new Object();

	private final Map<Key, Object> rules = new ConcurrentHashMap<>();

	// The same rules by the Method object a call hands over, compared by identity: a
	// proxy's Method is not the one registered at startup, so the lookup by Key compares
	// them with Method.equals on every call
	private final CallRules byCall = new CallRules();

	// The same rules by the class of the target object, for classes whose instances all
	// have one target class (not TargetClassAware): a call reads the object's class
	// instead of asking AopUtils.getTargetClass, whose interface checks scan the class's
	// interfaces on every call
	private final CallRules byObjectClass = new CallRules();

	private final RuleParser parser;

	/**
	 * Create a registry.
	 * @param rules the named rules ({@code permission-manager.rules})
	 * @param planner plans context resolution
	 */
	public RuleRegistry(Map<String, RuleDefinition> rules, ResolutionPlanner planner) {
		this.parser = new RuleParser(rules, planner);
	}

	/**
	 * The rule governing a call.
	 * @param method the invoked method
	 * @param targetClass the class of the target bean
	 * @return the rule, or {@code null} when the method is not guarded
	 * @throws InvalidPermissionRulesException when the method's rule does not parse
	 */
	public @Nullable PermissionRule get(Method method, Class<?> targetClass) {
		Object cached = this.byCall.get(method, targetClass);
		if (cached == null) {
			Key key = new Key(method, targetClass);
			cached = this.rules.get(key);
			if (cached == null) {
				cached = this.rules.computeIfAbsent(key, (k) -> parseOrFail(method, targetClass));
			}
			this.byCall.add(method, targetClass, cached);
		}
		return (cached != NONE) ? (PermissionRule) cached : null;
	}

	/**
	 * The rule governing a call on a target object: {@link #get(Method, Class)} with the
	 * object's target class ({@link AopUtils#getTargetClass}).
	 * @param method the invoked method
	 * @param target the target bean
	 * @return the rule, or {@code null} when the method is not guarded
	 * @throws InvalidPermissionRulesException when the method's rule does not parse
	 */
	public @Nullable PermissionRule get(Method method, Object target) {
		Class<?> objectClass = target.getClass();
		Object cached = this.byObjectClass.get(method, objectClass);
		if (cached != null) {
			return (cached != NONE) ? (PermissionRule) cached : null;
		}
		PermissionRule rule = get(method, AopUtils.getTargetClass(target));
		// the target class of any other object is a function of its class alone
		if (!(target instanceof TargetClassAware)) {
			this.byObjectClass.add(method, objectClass, (rule != null) ? rule : NONE);
		}
		return rule;
	}

	/**
	 * The rule registered at startup for a method, without parsing anything.
	 * @param method the most specific method for the target class
	 * @param targetClass the class of the bean
	 * @return the rule, or {@code null} when none is registered
	 */
	@Nullable PermissionRule registered(Method method, Class<?> targetClass) {
		Object cached = this.rules.get(new Key(method, targetClass));
		return (cached instanceof PermissionRule rule) ? rule : null;
	}

	/**
	 * Check every named rule on its own, at startup, used by a method or not.
	 * @param problems where problems are added
	 */
	void validateRules(List<String> problems) {
		this.parser.validateRules(problems);
	}

	/**
	 * Parse and register the rule of a method, at startup.
	 * @param method the most specific method for the target class
	 * @param targetClass the class of the bean
	 * @param problems where problems are added
	 */
	void register(Method method, Class<?> targetClass, List<String> problems) {
		PermissionRule rule = this.parser.parse(method, targetClass, problems);
		if (rule != null) {
			this.rules.put(new Key(method, targetClass), rule);
		}
	}

	/**
	 * The permissions the named rules require or ask for as optional, used or not.
	 * @return the permissions
	 */
	Set<String> rulePermissions() {
		return this.parser.rulePermissions();
	}

	/**
	 * The permissions the registered rules require or ask for as optional.
	 * @return the permissions, each once
	 */
	Set<String> permissions() {
		Set<String> permissions = new LinkedHashSet<>();
		for (Object rule : this.rules.values()) {
			if (rule instanceof PermissionRule parsed) {
				permissions.addAll(parsed.permissions());
				permissions.addAll(parsed.optional());
			}
		}
		return permissions;
	}

	/**
	 * Every guarded method whose rule is registered: those startup validation read, and
	 * those first called since (a lazy or prototype bean), for whoever lists them.
	 * @return the methods with their rules, by class and method name
	 */
	public List<GuardedMethod> guardedMethods() {
		List<GuardedMethod> guarded = new ArrayList<>();
		this.rules.forEach((key, rule) -> {
			if (rule instanceof PermissionRule parsed) {
				guarded.add(new GuardedMethod(key.targetClass(), key.method(), parsed));
			}
		});
		guarded.sort(Comparator.comparing((GuardedMethod method) -> method.targetClass().getName())
			.thenComparing((method) -> method.method().toGenericString()));
		return guarded;
	}

	private Object parseOrFail(Method method, Class<?> targetClass) {
		Method specific = AopUtils.getMostSpecificMethod(method, targetClass);
		Object registered = (specific != method) ? this.rules.get(new Key(specific, targetClass)) : null;
		if (registered != null) {
			return registered;
		}
		List<String> problems = new ArrayList<>();
		PermissionRule rule = this.parser.parse(specific, targetClass, problems);
		if (!problems.isEmpty()) {
			throw new InvalidPermissionRulesException(problems);
		}
		return (rule != null) ? rule : NONE;
	}

	/**
	 * A guarded method and its rule.
	 *
	 * @param targetClass the class of the bean
	 * @param method the method
	 * @param rule its parsed rule
	 */
	public record GuardedMethod(Class<?> targetClass, Method method, PermissionRule rule) {
	}

	/**
	 * A method and target class, like Spring's {@code MethodClassKey}, comparing by
	 * identity first: a proxy hands the same {@link Method} instance on every call, so
	 * the common lookup skips {@link Method#equals(Object)}'s parameter comparison.
	 */
	private record Key(Method method, Class<?> targetClass) {

		@Override
		public boolean equals(Object other) {
			if (this == other) {
				return true;
			}
			return other instanceof Key key && this.targetClass == key.targetClass
					&& (this.method == key.method || this.method.equals(key.method));
		}

		@Override
		public int hashCode() {
			return this.method.hashCode() * 31 + this.targetClass.hashCode();
		}

	}

}
