package io.github.permissionmanager.enforce;

import java.util.function.Supplier;

import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.PermissionEvaluationException;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.util.Assert;
import org.springframework.util.function.SingletonSupplier;

/**
 * Guards {@link io.github.permissionmanager.RequiresPermissions} methods. Knows nothing
 * about annotations or expressions: it asks the {@link RuleRegistry} for the method's
 * rule and the {@link PermissionEnforcer} for a verdict, then proceeds — handing the
 * method the resolved {@link PermissionContext} when it declares a parameter of that type
 * — or lets the enforcer's exception propagate, so the method does not run.
 */
public final class PermissionInterceptor implements MethodInterceptor {

	private final Supplier<RuleRegistry> registry;

	private final Supplier<PermissionEnforcer> enforcer;

	/**
	 * Create an interceptor whose collaborators are looked up on first use, so creating
	 * it among the bean post-processors initializes nothing else.
	 * @param registry supplies the rule registry
	 * @param enforcer supplies the enforcer
	 */
	public PermissionInterceptor(Supplier<RuleRegistry> registry, Supplier<PermissionEnforcer> enforcer) {
		Assert.notNull(registry, "registry cannot be null");
		Assert.notNull(enforcer, "enforcer cannot be null");
		this.registry = SingletonSupplier.of(registry);
		this.enforcer = SingletonSupplier.of(enforcer);
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		Object target = invocation.getThis();
		Class<?> targetClass = (target != null) ? AopUtils.getTargetClass(target)
				: invocation.getMethod().getDeclaringClass();
		PermissionRule rule;
		PermissionEnforcer enforcer;
		try {
			rule = this.registry.get().get(invocation.getMethod(), targetClass);
			enforcer = (rule != null) ? this.enforcer.get() : null;
		}
		// a rule that cannot be parsed (a lazy bean's) or an enforcer that cannot be
		// built: no answer
		catch (RuntimeException | Error ex) {
			throw new PermissionEvaluationException(
					"Could not apply @RequiresPermissions to " + invocation.getMethod().getName(), ex);
		}
		if (rule == null || enforcer == null) {
			return invocation.proceed();
		}
		Object[] arguments = invocation.getArguments();
		PermissionContext context = enforcer.enforce(rule, arguments);
		if (rule.contextArgumentIndex() >= 0) {
			// the invocation's argument array is live: the method receives this context
			arguments[rule.contextArgumentIndex()] = context;
		}
		return invocation.proceed();
	}

}
