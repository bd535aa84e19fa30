/**
 * A second, tiny service beside the sample: it has no grant store and guards its
 * endpoints through the sample running as a decision point (profile {@code pdp}).
 */
@NullMarked
package io.github.permissionmanager.agenda;

import org.jspecify.annotations.NullMarked;
