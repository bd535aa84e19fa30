package io.github.permissionmanager.connect;

import java.lang.reflect.Method;
import java.util.function.Supplier;

import io.github.permissionmanager.ConnectionUnavailableException;
import io.github.permissionmanager.enforce.PermissionAdvisor;
import org.aopalliance.aop.Advice;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.util.Assert;
import org.springframework.util.function.SingletonSupplier;

/**
 * Guards {@link io.github.permissionmanager.RequiresConnections} methods: before the
 * method runs, the {@link ConnectionChecker} must find every required connection of the
 * current user, or its exception propagates and the method does not run. Ordered right
 * after the permission advisor, so a caller who may not act at all is told that first,
 * and before {@code @Transactional}.
 */
public final class ConnectionAdvisor extends AbstractPointcutAdvisor {

	/** The default order: just after {@link PermissionAdvisor#DEFAULT_ORDER}. */
	public static final int DEFAULT_ORDER = PermissionAdvisor.DEFAULT_ORDER + 10;

	private final transient Pointcut pointcut = new StaticMethodMatcherPointcut() {

		@Override
		public boolean matches(Method method, Class<?> targetClass) {
			return ConnectionRules.find(AopUtils.getMostSpecificMethod(method, targetClass), targetClass) != null;
		}

	};

	private final transient Interceptor interceptor;

	/**
	 * Create an advisor whose collaborators are looked up on first use, so creating it
	 * among the bean post-processors initializes nothing else.
	 * @param rules supplies the rules
	 * @param checker supplies the checker
	 */
	public ConnectionAdvisor(Supplier<ConnectionRules> rules, Supplier<ConnectionChecker> checker) {
		Assert.notNull(rules, "rules cannot be null");
		Assert.notNull(checker, "checker cannot be null");
		this.interceptor = new Interceptor(SingletonSupplier.of(rules), SingletonSupplier.of(checker));
		setOrder(DEFAULT_ORDER);
	}

	@Override
	public Pointcut getPointcut() {
		return this.pointcut;
	}

	@Override
	public Advice getAdvice() {
		return this.interceptor;
	}

	private record Interceptor(Supplier<ConnectionRules> rules,
			Supplier<ConnectionChecker> checker) implements MethodInterceptor {

		@Override
		public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
			Object target = invocation.getThis();
			Class<?> targetClass = (target != null) ? AopUtils.getTargetClass(target)
					: invocation.getMethod().getDeclaringClass();
			ConnectionRules.Rule rule;
			ConnectionChecker checker;
			try {
				rule = this.rules.get().get(invocation.getMethod(), targetClass);
				checker = this.checker.get();
			}
			// collaborators that cannot be built: no answer
			catch (RuntimeException | Error ex) {
				throw new ConnectionUnavailableException(
						"Could not apply @RequiresConnections to " + invocation.getMethod().getName(), ex);
			}
			if (rule != null) {
				checker.require(rule.required(), invocation.getMethod().toGenericString());
			}
			return invocation.proceed();
		}

	}

}
