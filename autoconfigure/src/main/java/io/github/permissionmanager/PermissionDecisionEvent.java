package io.github.permissionmanager;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Published as an application event for every decision, allowed or not, so an application
 * can audit denials with an {@code @EventListener}.
 *
 * @param subject who asked
 * @param permission the permission asked for
 * @param resource the resource, or {@code null} for an unscoped check
 * @param allowed whether it was allowed
 * @param reason why
 * @param timestamp when it was decided
 */
public record PermissionDecisionEvent(Subject subject, String permission, @Nullable Resource resource, boolean allowed,
		String reason, Instant timestamp) {

}
