/**
 * Reliability and security suite of the engine: faults (store down, slow store, broken
 * evaluators, threads without a security context), class-level annotations on every HTTP
 * verb, a property-based comparison with a reference implementation of the decision
 * rules, a grant/revoke storm, cross-instance staleness and database portability.
 */
@NullMarked
package io.github.permissionmanager.reliability;

import org.jspecify.annotations.NullMarked;
