/**
 * Context resolution: {@code @RequiresPermissions} with a {@code model} lookup (the event
 * of a talk, read through JPA) versus the repository call and programmatic check a user
 * would otherwise write by hand.
 */
@NullMarked
package io.github.permissionmanager.benchmarks.resolution;

import org.jspecify.annotations.NullMarked;
