/**
 * The conference domain: events, their sessions and tracks, and the speakers of each
 * session, as JPA entities with their repositories.
 */
@NullMarked
package io.github.permissionmanager.sample.domain;

import org.jspecify.annotations.NullMarked;
