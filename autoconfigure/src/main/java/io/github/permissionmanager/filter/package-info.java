/**
 * List filtering: a subject's grants, read from its cached snapshot, compiled into a
 * Spring Data JPA {@code Specification} or an SQL predicate that the database evaluates
 * with the rest of the query.
 */
@NullMarked
package io.github.permissionmanager.filter;

import org.jspecify.annotations.NullMarked;
