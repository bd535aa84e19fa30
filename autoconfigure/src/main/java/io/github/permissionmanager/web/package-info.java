/**
 * Web layer: RFC 9457 problem responses for denials and unresolvable contexts, and the
 * {@link io.github.permissionmanager.PermissionContext} handler method argument.
 */
@NullMarked
package io.github.permissionmanager.web;

import org.jspecify.annotations.NullMarked;
