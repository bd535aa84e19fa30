package io.github.permissionmanager.sample.access;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code GET /admin/explain}.
 *
 * @param user who was asked about
 * @param permission the permission
 * @param type the resource type, or {@code null} for an unscoped check
 * @param id the object id, or {@code null}
 * @param allowed whether it is allowed
 * @param reason why
 * @param grant the grant that allowed it, when one did
 * @param missingPermissions on a denial, what was missing
 */
record Explanation(String user, String permission, @Nullable String type, @Nullable String id, boolean allowed,
		String reason, @Nullable GrantView grant, List<String> missingPermissions) {

}
