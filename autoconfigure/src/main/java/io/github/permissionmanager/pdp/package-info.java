/**
 * The policy decision point: Permission Manager's decisions served over HTTP to other
 * services ({@code permission-manager.pdp.enabled}), its JSON wire format (shared with
 * the remote evaluator) and how its callers authenticate and are authorized.
 */
@NullMarked
package io.github.permissionmanager.pdp;

import org.jspecify.annotations.NullMarked;
