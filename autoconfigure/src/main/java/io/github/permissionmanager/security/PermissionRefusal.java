package io.github.permissionmanager.security;

import java.util.List;

import io.github.permissionmanager.PermissionAuthorizationDecision;
import io.github.permissionmanager.Resource;
import org.jspecify.annotations.Nullable;

/**
 * A check of a request rule that could not be answered, as the decision Spring Security
 * sees (a denial): the store or a collaborator failed, the tenant sources disagree, or
 * the tenant is given ambiguously. The refusal it carries is what the problem response
 * answers — 503, 403 or 400 — instead of a plain "permission missing".
 */
public final class PermissionRefusal extends PermissionAuthorizationDecision {

	private final RuntimeException refusal;

	/**
	 * Create a refusal.
	 * @param refusal why the check could not be answered
	 * @param permissions the permissions asked for
	 * @param resource the resource, or {@code null} for an unscoped check
	 */
	public PermissionRefusal(RuntimeException refusal, List<String> permissions, @Nullable Resource resource) {
		super(false, String.valueOf(refusal.getMessage()), permissions, resource);
		this.refusal = refusal;
	}

	/**
	 * Why the check could not be answered.
	 * @return the exception the problem response answers
	 */
	public RuntimeException getRefusal() {
		return this.refusal;
	}

}
