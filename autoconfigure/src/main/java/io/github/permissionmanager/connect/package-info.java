/**
 * Connections: what {@link io.github.permissionmanager.RequiresConnections} checks
 * (OAuth2 clients of Spring Security and API keys of the current user), the connection
 * catalog and its provider presets, encrypted storage, sign-in with a safe return-to,
 * sign-out with revocation at the provider, and the startup validation of it all.
 */
@NullMarked
package io.github.permissionmanager.connect;

import org.jspecify.annotations.NullMarked;
