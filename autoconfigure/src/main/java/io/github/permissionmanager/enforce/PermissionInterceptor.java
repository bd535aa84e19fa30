package io.github.permissionmanager.enforce;

import java.lang.reflect.Method;
import java.util.function.Supplier;

import io.github.permissionmanager.AuthenticationRequiredException;
import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.PermissionDeniedException;
import io.github.permissionmanager.PermissionEvaluationException;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.function.SingletonSupplier;

/**
 * Guards {@link io.github.permissionmanager.RequiresPermissions} methods. Knows nothing
 * about annotations or expressions: it asks the {@link RuleRegistry} for the method's
 * rule and the {@link PermissionEnforcer} for a verdict, tells the {@link GuardVerdicts}
 * that verdict, then proceeds — handing the method the resolved {@link PermissionContext}
 * when it declares a parameter of that type — or lets the enforcer's exception propagate,
 * so the method does not run.
 */
public final class PermissionInterceptor implements MethodInterceptor {

	private final Supplier<RuleRegistry> registry;

	private final Supplier<PermissionEnforcer> enforcer;

	private final Supplier<GuardVerdicts> verdicts;

	// The three collaborators once each was found: a call reads one field instead of
	// asking three suppliers
	private volatile @Nullable Collaborators found;

	/**
	 * Create an interceptor that tells nobody its verdicts; collaborators are looked up
	 * on first use.
	 * @param registry supplies the rule registry
	 * @param enforcer supplies the enforcer
	 */
	public PermissionInterceptor(Supplier<RuleRegistry> registry, Supplier<PermissionEnforcer> enforcer) {
		this(registry, enforcer, () -> GuardVerdicts.NONE);
	}

	/**
	 * Create an interceptor whose collaborators are looked up on first use, so creating
	 * it among the bean post-processors initializes nothing else.
	 * @param registry supplies the rule registry
	 * @param enforcer supplies the enforcer
	 * @param verdicts supplies what hears the verdicts ({@link GuardVerdicts#NONE} for
	 * nothing)
	 */
	public PermissionInterceptor(Supplier<RuleRegistry> registry, Supplier<PermissionEnforcer> enforcer,
			Supplier<GuardVerdicts> verdicts) {
		Assert.notNull(registry, "registry cannot be null");
		Assert.notNull(enforcer, "enforcer cannot be null");
		Assert.notNull(verdicts, "verdicts cannot be null");
		this.registry = SingletonSupplier.of(registry);
		this.enforcer = SingletonSupplier.of(enforcer);
		this.verdicts = SingletonSupplier.of(verdicts);
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		Method method = invocation.getMethod();
		Object target = invocation.getThis();
		Collaborators found = this.found;
		PermissionRule rule;
		PermissionEnforcer enforcer;
		GuardVerdicts verdicts;
		try {
			if (found != null) {
				rule = rule(found.registry(), method, target);
				enforcer = found.enforcer();
				verdicts = found.verdicts();
			}
			else {
				RuleRegistry registry = this.registry.get();
				rule = rule(registry, method, target);
				// looked up only for a guarded method, so an unguarded call of a bean
				// built early needs no enforcer
				enforcer = (rule != null) ? this.enforcer.get() : null;
				verdicts = this.verdicts.get();
				if (registry != null && enforcer != null && verdicts != null) {
					this.found = new Collaborators(registry, enforcer, verdicts);
				}
			}
		}
		// a rule that cannot be parsed (a lazy bean's), an enforcer that cannot be built,
		// no single listener of verdicts: no answer
		catch (RuntimeException | Error ex) {
			throw new PermissionEvaluationException("Could not apply @RequiresPermissions to " + method.getName(), ex);
		}
		if (verdicts == null || (rule != null && enforcer == null)) {
			// a supplier that answered nothing: a guarded method never runs unchecked
			throw new PermissionEvaluationException(
					"Could not apply @RequiresPermissions to " + method.getName() + ": no "
							+ ((verdicts == null) ? "listener of verdicts (GuardVerdicts.NONE for none)" : "enforcer"));
		}
		if (rule == null || enforcer == null) {
			verdicts.allowed(invocation);
			return invocation.proceed();
		}
		Object[] arguments = invocation.getArguments();
		PermissionContext context;
		// only the check's own refusals are this call's verdict: the method's body, which
		// may call other guarded methods, runs outside this block
		try {
			context = enforcer.enforce(rule, arguments);
		}
		catch (PermissionDeniedException ex) {
			verdicts.denied(invocation, ex);
			throw ex;
		}
		catch (AuthenticationRequiredException ex) {
			verdicts.unauthenticated(invocation, ex);
			throw ex;
		}
		if (rule.contextArgumentIndex() >= 0) {
			// the invocation's argument array is live: the method receives this context
			arguments[rule.contextArgumentIndex()] = context;
		}
		verdicts.allowed(invocation);
		return invocation.proceed();
	}

	private static @Nullable PermissionRule rule(RuleRegistry registry, Method method, @Nullable Object target) {
		return (target != null) ? registry.get(method, target) : registry.get(method, method.getDeclaringClass());
	}

	private record Collaborators(RuleRegistry registry, PermissionEnforcer enforcer, GuardVerdicts verdicts) {
	}

}
