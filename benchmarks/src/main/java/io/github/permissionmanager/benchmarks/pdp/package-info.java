/**
 * The decision point on loopback: a remote check through the client's evaluator, cached
 * and uncached, a bulk of 100 checks against 100 single calls, and a local cached check
 * for comparison ({@code benchmarks/run-pdp.sh}).
 */
@NullMarked
package io.github.permissionmanager.benchmarks.pdp;

import org.jspecify.annotations.NullMarked;
