package io.github.permissionmanager.security;

import java.io.Serializable;
import java.util.List;

import io.github.permissionmanager.DomainResourceResolver;
import io.github.permissionmanager.Logical;
import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.PermissionEvaluationException;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.resolve.RequestValues;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.PermissionEvaluator;
import org.springframework.security.core.Authentication;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Answers Spring Security's {@code hasPermission} expressions with Permission Manager:
 * {@code hasPermission(#id, 'event', 'event:update')} checks {@code event:update} on
 * {@code Resource.of("event", id)}; {@code hasPermission(#event, 'event:update')} checks
 * it on the resource the {@link DomainResourceResolver} names for the object. The
 * subject, its groups and the tenant are those of a {@code @RequiresPermissions} check.
 * <p>
 * It denies when the permission is not a string (ACL masks are not permissions here),
 * when the id, the type or the object is {@code null} or names no resource, and when
 * nobody is authenticated. When the decision cannot be made (the store, the
 * {@link DomainResourceResolver} or another collaborator failed; the tenant sources
 * disagree) it throws instead of answering {@code false}, which the expression around it
 * could negate: the method does not run, and the problem response says why (503, 403).
 */
public final class HasPermissionEvaluator implements PermissionEvaluator {

	private static final Log logger = LogFactory.getLog(HasPermissionEvaluator.class);

	private final PermissionChecks checks;

	private final DomainResourceResolver domainResources;

	/**
	 * Create an evaluator.
	 * @param checks decides each check
	 * @param domainResources names the resource of a domain object
	 */
	public HasPermissionEvaluator(PermissionChecks checks, DomainResourceResolver domainResources) {
		Assert.notNull(checks, "checks cannot be null");
		Assert.notNull(domainResources, "domainResources cannot be null");
		this.checks = checks;
		this.domainResources = domainResources;
	}

	@Override
	public boolean hasPermission(@Nullable Authentication authentication, @Nullable Object targetDomainObject,
			@Nullable Object permission) {
		if (!(permission instanceof String name) || !StringUtils.hasText(name)) {
			return unsupported(permission);
		}
		if (targetDomainObject == null) {
			return this.checks.deny(name, "hasPermission was given a null object").isGranted();
		}
		Resource resource;
		try {
			resource = this.domainResources.resolve(targetDomainObject);
		}
		catch (RuntimeException ex) {
			throw new PermissionEvaluationException(
					"Could not tell the resource of a " + targetDomainObject.getClass().getName(), ex);
		}
		if (resource == null) {
			return this.checks.deny(name, "the object names no resource").isGranted();
		}
		return check(authentication, name, resource);
	}

	@Override
	public boolean hasPermission(@Nullable Authentication authentication, @Nullable Serializable targetId,
			@Nullable String targetType, @Nullable Object permission) {
		if (!(permission instanceof String name) || !StringUtils.hasText(name)) {
			return unsupported(permission);
		}
		if (targetId == null || !StringUtils.hasText(targetType)) {
			return this.checks.deny(name, "hasPermission was given a null id or an empty type").isGranted();
		}
		return check(authentication, name, Resource.of(targetType, targetId));
	}

	private boolean check(@Nullable Authentication authentication, String permission, Resource resource) {
		return this.checks.decide(authentication, List.of(permission), Logical.ALL, resource, requestContext())
			.isGranted();
	}

	private static boolean unsupported(@Nullable Object permission) {
		logger.warn("hasPermission was given "
				+ ((permission != null) ? "a " + permission.getClass().getName() : "no permission")
				+ ", not a permission string; denied");
		return false;
	}

	// what a tenant resolver reading a path variable or a parameter sees, as for an
	// annotated check
	static PermissionContext requestContext() {
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
