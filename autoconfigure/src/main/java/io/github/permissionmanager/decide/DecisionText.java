package io.github.permissionmanager.decide;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import org.jspecify.annotations.Nullable;

/**
 * The text of every decision the default evaluator makes, allow and deny alike, and of
 * the denial when an evaluation fails, so that {@code explain} and the decision events
 * read the same way whichever way it went.
 */
final class DecisionText {

	private DecisionText() {
	}

	/**
	 * Why a grant allows: which permission, to whom, on what, in which tenant, until
	 * when.
	 * @param grant the grant
	 * @param role whether the grant names a role
	 * @return the reason
	 */
	static String allowed(Grant grant, boolean role) {
		StringBuilder reason = new StringBuilder("granted '").append(grant.permission()).append("'");
		if (role) {
			reason.append(" (role)");
		}
		reason.append(" to ")
			.append(grant.grantee().kind().name().toLowerCase())
			.append(" '")
			.append(grant.grantee().name())
			.append("'");
		if (grant.resourceType() == null) {
			reason.append(" on every resource");
		}
		else if (grant.resourceId() == null) {
			reason.append(" on every ").append(grant.resourceType());
		}
		else {
			reason.append(" on ").append(grant.resourceType()).append(" '").append(grant.resourceId()).append("'");
		}
		if (grant.tenant() != null) {
			reason.append(" in tenant '").append(grant.tenant()).append("'");
		}
		if (grant.expiresAt() != null) {
			reason.append(" until ").append(grant.expiresAt());
		}
		if (grant.condition() != null) {
			reason.append(" when '").append(grant.condition()).append("'");
		}
		return reason.toString();
	}

	/**
	 * Why no grant allows: what was asked, on what, for whom.
	 * @param subject the subject
	 * @param permission the permission as asked
	 * @param resource the resource, or {@code null} for an unscoped check
	 * @return the reason
	 */
	static String denied(Subject subject, String permission, @Nullable Resource resource) {
		StringBuilder reason = new StringBuilder(96).append("no grant of '").append(permission).append('\'');
		if (resource != null) {
			if (resource.id() != null) {
				reason.append(" on ").append(resource.type()).append(" '").append(resource.id()).append('\'');
			}
			else {
				reason.append(" on every ").append(resource.type());
			}
			if (resource.tenant() != null) {
				reason.append(" in tenant '").append(resource.tenant()).append('\'');
			}
		}
		reason.append(" to user '").append(subject.id()).append("' or its groups");
		return reason.toString();
	}

	/**
	 * Why a permission that cannot be parsed is denied.
	 * @param permission the permission as asked
	 * @param ex why it cannot be parsed
	 * @return the reason
	 */
	static String invalid(String permission, IllegalArgumentException ex) {
		return "invalid permission '" + permission + "': " + ex.getMessage();
	}

	/**
	 * Why no decision could be made: the evaluation failed, which denies.
	 * @param cause what failed, or {@code null} to leave it unnamed
	 * @return the reason
	 */
	static String failed(@Nullable Throwable cause) {
		return (cause != null) ? "evaluation failed: " + cause.getClass().getSimpleName() : "evaluation failed";
	}

}
