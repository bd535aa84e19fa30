/**
 * List filtering: a page of sessions filtered by {@code PermissionFilters} in the
 * database, against the same page unfiltered, an {@code objectIds} {@code IN} list, and
 * filtering after loading (what {@code @PostFilter} does).
 */
@NullMarked
package io.github.permissionmanager.benchmarks.filter;

import org.jspecify.annotations.NullMarked;
