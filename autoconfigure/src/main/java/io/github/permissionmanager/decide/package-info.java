/**
 * Decisions: the default evaluator, permission matching (wildcards), role expansion, the
 * per-subject cache, and the one place every decision passes through.
 */
@NullMarked
package io.github.permissionmanager.decide;

import org.jspecify.annotations.NullMarked;
