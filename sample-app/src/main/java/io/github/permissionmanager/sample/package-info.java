/**
 * The sample application: an Open Event-style conference back end guarded by Permission
 * Manager.
 */
@NullMarked
package io.github.permissionmanager.sample;

import org.jspecify.annotations.NullMarked;
