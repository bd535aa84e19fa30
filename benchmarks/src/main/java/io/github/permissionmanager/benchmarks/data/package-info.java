/**
 * The data every decision-engine contender holds: generated users, events, role grants
 * and per-object grants, and the checks they are timed on, each with its expected answer.
 */
@NullMarked
package io.github.permissionmanager.benchmarks.data;

import org.jspecify.annotations.NullMarked;
