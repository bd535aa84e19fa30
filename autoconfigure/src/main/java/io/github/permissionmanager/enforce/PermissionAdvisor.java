package io.github.permissionmanager.enforce;

import org.aopalliance.aop.Advice;

import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.util.Assert;

/**
 * Applies the {@link PermissionInterceptor} to {@link RequiresPermissionsPointcut}
 * methods. Ordered after Spring Security's {@code @PreAuthorize} (200) and
 * {@code @Secured} (300), and before {@code @Transactional} (lowest precedence), so a
 * denied call never opens a transaction.
 */
public final class PermissionAdvisor extends AbstractPointcutAdvisor {

	/** The default order of the advisor. */
	public static final int DEFAULT_ORDER = 450;

	private final transient Pointcut pointcut = new RequiresPermissionsPointcut();

	private final transient PermissionInterceptor interceptor;

	/**
	 * Create an advisor.
	 * @param interceptor the interceptor
	 */
	public PermissionAdvisor(PermissionInterceptor interceptor) {
		Assert.notNull(interceptor, "interceptor cannot be null");
		this.interceptor = interceptor;
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

}
