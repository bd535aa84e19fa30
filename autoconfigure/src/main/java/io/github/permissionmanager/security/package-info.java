/**
 * Permission Manager inside Spring Security: the {@code hasPermission} bridge for method
 * security expressions, authorization managers for request rules, denials published as
 * Spring Security authorization events, and their problem responses.
 */
@NullMarked
package io.github.permissionmanager.security;

import org.jspecify.annotations.NullMarked;
