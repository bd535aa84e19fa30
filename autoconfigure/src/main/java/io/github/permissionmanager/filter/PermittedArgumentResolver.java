package io.github.permissionmanager.filter;

import java.util.List;
import java.util.function.Supplier;

import io.github.permissionmanager.AuthenticationRequiredException;
import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.PermissionEvaluationException;
import io.github.permissionmanager.PermissionFilter;
import io.github.permissionmanager.PermissionFilters;
import io.github.permissionmanager.Permitted;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.SubjectResolver;
import io.github.permissionmanager.TenantResolver;
import io.github.permissionmanager.caller.CurrentCaller;
import io.github.permissionmanager.resolve.RequestValues;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.core.Authentication;
import org.springframework.util.Assert;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves {@link Permitted} handler parameters: the current user (read as checks read
 * it; none is a 401 before the handler runs), the request's tenant (the
 * {@link TenantResolver} of annotated checks) or each row's, and one filter per resource
 * and path, or-ed. {@link PermittedParameterValidator} has checked every such parameter
 * at startup.
 */
public final class PermittedArgumentResolver implements HandlerMethodArgumentResolver {

	private final Supplier<PermissionFilters> filters;

	private final Supplier<SubjectResolver> subjectResolver;

	private final Supplier<@Nullable TenantResolver> tenantResolver;

	private final Supplier<CurrentCaller> caller;

	/**
	 * Create a resolver.
	 * @param filters the filters (looked up on use)
	 * @param subjectResolver builds the current user's subject, as checks do (looked up
	 * on use)
	 * @param tenantResolver finds the request's tenant, as for annotated checks, or
	 * {@code null} for none (looked up on use)
	 * @param caller reads the current user (looked up on use)
	 */
	public PermittedArgumentResolver(Supplier<PermissionFilters> filters, Supplier<SubjectResolver> subjectResolver,
			Supplier<@Nullable TenantResolver> tenantResolver, Supplier<CurrentCaller> caller) {
		Assert.notNull(filters, "filters cannot be null");
		Assert.notNull(subjectResolver, "subjectResolver cannot be null");
		Assert.notNull(tenantResolver, "tenantResolver cannot be null");
		Assert.notNull(caller, "caller cannot be null");
		this.filters = filters;
		this.subjectResolver = subjectResolver;
		this.tenantResolver = tenantResolver;
		this.caller = caller;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.hasParameterAnnotation(Permitted.class);
	}

	@Override
	public Specification<?> resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, @Nullable WebDataBinderFactory binderFactory) {
		Permitted permitted = parameter.getParameterAnnotation(Permitted.class);
		List<String> problems = PermittedParameterValidator.problems(parameter, null);
		if (permitted == null || !problems.isEmpty()) {
			// not validated at startup: a handler registered later
			throw new PermissionEvaluationException(String.join("; ", problems));
		}
		Authentication authentication = this.caller.get().authentication();
		if (authentication == null) {
			throw new AuthenticationRequiredException(
					"A @Permitted list of " + permitted.value() + " needs an authenticated user");
		}
		Subject subject = this.subjectResolver.get().resolve(authentication);
		PermissionFilter filter = this.filters.get().permitted(subject, permitted.value());
		if (!permitted.tenantOf().isEmpty()) {
			filter = filter.inTenantOf(permitted.tenantOf());
		}
		else {
			TenantResolver tenants = this.tenantResolver.get();
			filter = filter.inTenant((tenants != null) ? tenants.resolveTenant(subject, context()) : null);
		}
		Specification<Object> readable = null;
		for (int i = 0; i < permitted.resource().length; i++) {
			Specification<Object> one = filter.on(permitted.resource()[i], permitted.path()[i]);
			readable = (readable != null) ? readable.or(one) : one;
		}
		Assert.state(readable != null, "a validated @Permitted names a resource");
		return readable;
	}

	// What the tenant resolver of annotated checks reads: the path variables, the
	// parameters and the method, as for a hasPermission check
	private static PermissionContext context() {
		RequestValues request = RequestValues.current();
		if (request == null) {
			return PermissionContext.empty();
		}
		return PermissionContext.builder()
			.httpMethod(request.httpMethod())
			.pathVariables(request.uriVariables())
			.requestParameters(request.parameters())
			.build();
	}

}
