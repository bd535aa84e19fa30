/**
 * Keeping the caches of several instances true to one store: the follower that reads the
 * change log and drops the snapshots a change made stale, bounding how long snapshots are
 * trusted, and the optional push wake-ups (PostgreSQL {@code LISTEN/NOTIFY}, Redis
 * pub/sub).
 */
@NullMarked
package io.github.permissionmanager.sync;

import org.jspecify.annotations.NullMarked;
