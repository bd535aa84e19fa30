package io.github.permissionmanager.benchmarks.interceptor;

import java.io.Serializable;

import io.github.permissionmanager.PermissionManager;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.PermissionEvaluator;
import org.springframework.security.core.Authentication;

/**
 * The Spring Security {@link PermissionEvaluator} a user would write over Permission
 * Manager: {@code hasPermission(#eventId, 'event', 'event:update')} asks the same cached
 * {@link PermissionManager} that {@code @RequiresPermissions} asks, so the two guards
 * differ only in how they get there. The manager is reached on first use, so nothing is
 * built while method security is being set up.
 */
final class PermissionManagerPermissionEvaluator implements PermissionEvaluator {

	private final ObjectProvider<PermissionManager> provider;

	private @Nullable PermissionManager manager;

	PermissionManagerPermissionEvaluator(ObjectProvider<PermissionManager> provider) {
		this.provider = provider;
	}

	@Override
	public boolean hasPermission(Authentication authentication, @Nullable Object target, Object permission) {
		// only the (id, type, permission) form is used here
		return false;
	}

	@Override
	public boolean hasPermission(Authentication authentication, Serializable targetId, String targetType,
			Object permission) {
		PermissionManager manager = this.manager;
		if (manager == null) {
			manager = this.provider.getObject();
			this.manager = manager;
		}
		return manager.check(Subject.of(authentication.getName()), permission.toString(),
				Resource.of(targetType, targetId));
	}

}
