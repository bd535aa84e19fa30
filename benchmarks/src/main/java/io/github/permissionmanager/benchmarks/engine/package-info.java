/**
 * Decision engines side by side on the same generated grants: Permission Manager (cached
 * and cold), jCasbin ({@code Enforcer}, {@code CachedEnforcer}), Apache Shiro's
 * {@code WildcardPermission.implies}, Spring Security ACL's
 * {@code AclPermissionEvaluator} and a plain {@code HashMap} as the floor. Each contender
 * gets its input in its own native form, built before timing, so only the check itself is
 * timed.
 */
@NullMarked
package io.github.permissionmanager.benchmarks.engine;

import org.jspecify.annotations.NullMarked;
