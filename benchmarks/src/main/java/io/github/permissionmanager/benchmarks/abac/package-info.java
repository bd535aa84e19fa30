/**
 * Attribute-based checks (issue 17): a check a conditional grant allows, with the
 * attributes supplied with the check, side by side with the plain cached check on the
 * same context, and the cost of parsing that condition once, to show that checks never
 * pay it.
 */
@NullMarked
package io.github.permissionmanager.benchmarks.abac;

import org.jspecify.annotations.NullMarked;
