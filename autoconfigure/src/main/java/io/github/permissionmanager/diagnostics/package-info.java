/**
 * Startup failure analysis: what Spring Boot prints, as a description and an action, when
 * Permission Manager's rules, roles, grant store or connections are configured in a way
 * that cannot work.
 */
@NullMarked
package io.github.permissionmanager.diagnostics;

import org.jspecify.annotations.NullMarked;
