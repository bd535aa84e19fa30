/**
 * Testing an application that uses Permission Manager: {@link WithPermissions} grants for
 * one test, and {@link PermissionAssertions} on its problem responses.
 */
@NullMarked
package io.github.permissionmanager.test;

import org.jspecify.annotations.NullMarked;
