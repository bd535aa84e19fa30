package io.github.permissionmanager.enforce;

import java.lang.reflect.Method;

import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.StaticMethodMatcherPointcut;

/**
 * Matches methods governed by {@link io.github.permissionmanager.RequiresPermissions}: on
 * the method (or an interface or superclass declaration of it), or on its type for
 * methods that are neither private nor static. Needs no collaborator, so it can be built
 * while post-processors are created.
 */
public final class RequiresPermissionsPointcut extends StaticMethodMatcherPointcut {

	@Override
	public boolean matches(Method method, Class<?> targetClass) {
		Method specific = AopUtils.getMostSpecificMethod(method, targetClass);
		return RequiresPermissionsLookup.find(specific, targetClass) != null;
	}

}
