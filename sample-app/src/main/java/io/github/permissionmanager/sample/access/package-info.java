/**
 * Permissions as data: what the caller holds ({@code /me/permissions}) and the admin API
 * that grants, revokes and explains ({@code /admin/**}).
 */
@NullMarked
package io.github.permissionmanager.sample.access;

import org.jspecify.annotations.NullMarked;
