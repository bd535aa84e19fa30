package io.github.permissionmanager.security;

import java.util.List;

import io.github.permissionmanager.Logical;
import io.github.permissionmanager.PermissionAuthorizations;
import io.github.permissionmanager.Resource;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * The default {@link PermissionAuthorizations}: every rule and check decides through
 * {@link PermissionChecks}; {@code check} reads the caller through the one
 * {@code CurrentCaller}.
 */
public final class DefaultPermissionAuthorizations implements PermissionAuthorizations {

	private final PermissionChecks checks;

	/**
	 * Create the rules and checks.
	 * @param checks decides each rule and check
	 */
	public DefaultPermissionAuthorizations(PermissionChecks checks) {
		Assert.notNull(checks, "checks cannot be null");
		this.checks = checks;
	}

	@Override
	public ResourceRules on(String resourceType, String pathVariable) {
		Assert.hasText(resourceType, "resourceType cannot be empty");
		Assert.hasText(pathVariable, "pathVariable cannot be empty");
		return new ResourceRules() {

			@Override
			public AuthorizationManager<RequestAuthorizationContext> require(String... permissions) {
				return new RequestPermissionAuthorizationManager(DefaultPermissionAuthorizations.this.checks,
						resourceType, pathVariable, Logical.ALL, permissions);
			}

			@Override
			public AuthorizationManager<RequestAuthorizationContext> requireAny(String... permissions) {
				return new RequestPermissionAuthorizationManager(DefaultPermissionAuthorizations.this.checks,
						resourceType, pathVariable, Logical.ANY, permissions);
			}

		};
	}

	@Override
	public AuthorizationManager<RequestAuthorizationContext> require(String... permissions) {
		return new RequestPermissionAuthorizationManager(this.checks, null, null, Logical.ALL, permissions);
	}

	@Override
	public AuthorizationManager<RequestAuthorizationContext> requireAny(String... permissions) {
		return new RequestPermissionAuthorizationManager(this.checks, null, null, Logical.ANY, permissions);
	}

	@Override
	public boolean check(String permission) {
		return decide(permission, null);
	}

	@Override
	public boolean check(String permission, String resourceType, @Nullable Object resourceId) {
		if (resourceId == null || !StringUtils.hasText(resourceType)) {
			return this.checks.deny(permission, "check was given a null id or an empty type").isGranted();
		}
		return decide(permission, Resource.of(resourceType, resourceId));
	}

	private boolean decide(String permission, @Nullable Resource resource) {
		if (!StringUtils.hasText(permission)) {
			return false;
		}
		return this.checks
			.decideForCurrentCaller(List.of(permission), resource, HasPermissionEvaluator.requestContext())
			.isGranted();
	}

}
