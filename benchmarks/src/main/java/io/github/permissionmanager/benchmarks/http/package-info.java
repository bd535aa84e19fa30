/**
 * The HTTP comparison: the sample app on loopback under {@code wrk}, a guarded endpoint
 * versus the same handler method mapped a second time on its unproxied target.
 */
@NullMarked
package io.github.permissionmanager.benchmarks.http;

import org.jspecify.annotations.NullMarked;
