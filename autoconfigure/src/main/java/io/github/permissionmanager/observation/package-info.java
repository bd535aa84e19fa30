/**
 * Micrometer support: an {@code Observation} of each decision, when the application has
 * an observation registry.
 */
@NullMarked
package io.github.permissionmanager.observation;

import org.jspecify.annotations.NullMarked;
