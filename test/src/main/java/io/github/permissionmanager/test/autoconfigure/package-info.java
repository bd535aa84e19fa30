/**
 * Auto-configuration of a grant store for tests that have no database, in test slices
 * too.
 */
@NullMarked
package io.github.permissionmanager.test.autoconfigure;

import org.jspecify.annotations.NullMarked;
