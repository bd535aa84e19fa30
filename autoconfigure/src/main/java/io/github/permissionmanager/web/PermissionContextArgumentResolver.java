package io.github.permissionmanager.web;

import io.github.permissionmanager.PermissionContext;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets a handler method declare a {@link PermissionContext} parameter. Spring MVC
 * resolves arguments before the guarded method is called, so this supplies an empty
 * placeholder; the permission interceptor then replaces it with the call's resolved
 * context, including which {@code optional} permissions were granted. An unguarded
 * handler keeps the empty one.
 */
public class PermissionContextArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return PermissionContext.class.equals(parameter.getParameterType());
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, @Nullable WebDataBinderFactory binderFactory) {
		return PermissionContext.empty();
	}

}
