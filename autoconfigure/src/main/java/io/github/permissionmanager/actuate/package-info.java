/**
 * Spring Boot Actuator support: the {@code permissions} endpoint (every guarded method
 * with its resolved rule, the roles, the catalog, and one decision explained) and the
 * grant cache's health.
 */
@NullMarked
package io.github.permissionmanager.actuate;

import org.jspecify.annotations.NullMarked;
