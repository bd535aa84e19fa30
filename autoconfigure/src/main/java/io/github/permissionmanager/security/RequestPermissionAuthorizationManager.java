package io.github.permissionmanager.security;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.github.permissionmanager.Logical;
import io.github.permissionmanager.PermissionAuthorizationDecision;
import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.Resource;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.util.Assert;

/**
 * A request rule of {@code authorizeHttpRequests}: the permissions, unscoped or on the
 * resource a path variable of the request matcher names. The path variable is read from
 * the variables the matcher extracted, as Spring Security hands them to the rule; when it
 * is not there (a rule on a matcher without it), the rule denies. Its answer is a
 * {@link PermissionAuthorizationDecision}; a denial is remembered in the request for the
 * problem response.
 */
final class RequestPermissionAuthorizationManager implements AuthorizationManager<RequestAuthorizationContext> {

	private final PermissionChecks checks;

	private final @Nullable String resourceType;

	private final @Nullable String pathVariable;

	private final List<String> permissions;

	private final Logical logical;

	RequestPermissionAuthorizationManager(PermissionChecks checks, @Nullable String resourceType,
			@Nullable String pathVariable, Logical logical, String... permissions) {
		Assert.notNull(checks, "checks cannot be null");
		Assert.notEmpty(permissions, "permissions cannot be empty");
		Assert.noNullElements(permissions, "permissions cannot hold null");
		Arrays.stream(permissions).forEach((permission) -> Assert.hasText(permission, "permission cannot be empty"));
		this.checks = checks;
		this.resourceType = resourceType;
		this.pathVariable = pathVariable;
		this.logical = logical;
		this.permissions = List.of(permissions);
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends @Nullable Authentication> authentication,
			RequestAuthorizationContext object) {
		HttpServletRequest request = object.getRequest();
		Map<String, String> variables = object.getVariables();
		Resource resource = null;
		if (this.resourceType != null && this.pathVariable != null) {
			String id = variables.get(this.pathVariable);
			if (id == null) {
				PermissionAuthorizationDecision denied = new PermissionAuthorizationDecision(false,
						"the request matcher extracted no path variable '" + this.pathVariable + "'", this.permissions,
						Resource.ofType(this.resourceType));
				remember(denied, request);
				return denied;
			}
			resource = Resource.of(this.resourceType, id);
		}
		return this.checks.decide(authentication.get(), this.permissions, this.logical, resource,
				context(request, variables), (denied) -> remember(denied, request));
	}

	private static void remember(PermissionAuthorizationDecision denied, HttpServletRequest request) {
		PermissionChecks.remember(denied, request::getAttribute, request::setAttribute);
	}

	private static PermissionContext context(HttpServletRequest request, Map<String, String> variables) {
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> parameters.put(name, Arrays.asList(values)));
		return PermissionContext.builder()
			.httpMethod(request.getMethod())
			.pathVariables(variables)
			.requestParameters(parameters)
			.build();
	}

	@Override
	public String toString() {
		return "permissions " + this.logical + " " + this.permissions
				+ ((this.resourceType != null) ? " on " + this.resourceType + " {" + this.pathVariable + "}" : "");
	}

}
