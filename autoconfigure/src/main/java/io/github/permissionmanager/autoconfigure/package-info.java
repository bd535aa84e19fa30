/**
 * Auto-configuration of Permission Manager and its {@code permission-manager.*}
 * properties.
 */
@NullMarked
package io.github.permissionmanager.autoconfigure;

import org.jspecify.annotations.NullMarked;
