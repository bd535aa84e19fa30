/**
 * Startup failure analysis: what Spring Boot prints, as a description and an action, when
 * Permission Manager's rules, roles or grant store are configured in a way that cannot
 * work.
 */
@NullMarked
package io.github.permissionmanager.diagnostics;

import org.jspecify.annotations.NullMarked;
