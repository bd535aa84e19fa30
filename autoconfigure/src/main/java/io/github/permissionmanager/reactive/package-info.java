/**
 * {@link io.github.permissionmanager.RequiresPermissions} in a reactive (WebFlux)
 * application: the check of a method returning {@code Mono} or {@code Flux} runs on
 * subscription with the caller of the reactive security context, problem responses for
 * its refusals, and the startup check that refuses what cannot be guarded reactively.
 */
@NullMarked
package io.github.permissionmanager.reactive;

import org.jspecify.annotations.NullMarked;
