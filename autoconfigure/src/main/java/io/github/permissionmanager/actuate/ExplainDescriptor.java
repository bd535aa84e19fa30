package io.github.permissionmanager.actuate;

import java.util.List;

import io.github.permissionmanager.Grant;
import org.jspecify.annotations.Nullable;

/**
 * One decision explained by the {@code permissions} endpoint.
 *
 * @param user the user asked about
 * @param permission the permission asked for
 * @param resource the resource, or {@code null} for an unscoped check
 * @param allowed whether it is allowed
 * @param reason why: the grant that matched, or what is missing
 * @param grant the grant that matched, or {@code null}
 * @param missingPermissions the permissions missing, empty when allowed
 */
public record ExplainDescriptor(String user, String permission, @Nullable ResourceDescriptor resource, boolean allowed,
		String reason, @Nullable Grant grant, List<String> missingPermissions) {

	public ExplainDescriptor {
		missingPermissions = List.copyOf(missingPermissions);
	}

	/**
	 * The resource of an explained decision.
	 *
	 * @param type the resource type
	 * @param id the object, or {@code null} for the whole type
	 * @param tenant the tenant, or {@code null}
	 */
	public record ResourceDescriptor(String type, @Nullable String id, @Nullable String tenant) {
	}

}
