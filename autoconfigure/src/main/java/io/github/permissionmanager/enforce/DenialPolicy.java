package io.github.permissionmanager.enforce;

import java.util.List;

import io.github.permissionmanager.PermissionContextException;
import io.github.permissionmanager.PermissionDeniedException;
import io.github.permissionmanager.Resource;
import org.jspecify.annotations.Nullable;

/**
 * What a refusal says, decided in one place ({@code permission-manager.hide-existence}).
 * Shown, a denial names what is missing and the resource, and a missing object is a 404.
 * Hidden, every refusal of one rule — a missing permission, a false {@code check}, a
 * cross-check mismatch, a missing object, disagreeing tenant sources — is the same
 * denial: all of the rule's permissions and the resource type without an id, so the
 * answers are byte-identical and tell nothing about which objects exist or where they
 * belong.
 */
final class DenialPolicy {

	private final boolean hideExistence;

	DenialPolicy(boolean hideExistence) {
		this.hideExistence = hideExistence;
	}

	PermissionDeniedException denied(PermissionRule rule, String reason, List<String> missing,
			@Nullable Resource resource) {
		if (this.hideExistence) {
			Resource type = (resource != null) ? Resource.ofType(resource.type()) : null;
			return new PermissionDeniedException(rule.method() + ": " + reason, rule.permissions(), type);
		}
		return new PermissionDeniedException(rule.method() + ": " + reason, missing, resource);
	}

	RuntimeException notFound(PermissionRule rule, PermissionContextException ex) {
		if (!this.hideExistence) {
			return ex;
		}
		Resource type = (ex.getResourceType() != null) ? Resource.ofType(ex.getResourceType()) : null;
		PermissionDeniedException denied = denied(rule, String.valueOf(ex.getMessage()), rule.permissions(), type);
		denied.initCause(ex);
		return denied;
	}

}
