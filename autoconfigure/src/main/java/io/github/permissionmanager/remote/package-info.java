/**
 * The remote evaluator: this application's checks asked of a decision point
 * ({@code permission-manager.pdp.url}) over HTTP, with a small local decision cache.
 */
@NullMarked
package io.github.permissionmanager.remote;

import org.jspecify.annotations.NullMarked;
