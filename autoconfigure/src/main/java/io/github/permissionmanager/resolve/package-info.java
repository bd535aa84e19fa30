/**
 * Context resolution ({@code fetch} / {@code fetchAs}): where each value a check needs
 * comes from — a method argument, a URI template variable, a request parameter, or a JPA
 * lookup through {@code model} — and the tenant of a check.
 */
@NullMarked
package io.github.permissionmanager.resolve;

import org.jspecify.annotations.NullMarked;
