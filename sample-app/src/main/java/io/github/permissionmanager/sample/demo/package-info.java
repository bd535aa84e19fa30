/**
 * Demo data loaded at startup: two events with their sessions, speakers and tracks, and
 * the grants of the demo users.
 */
@NullMarked
package io.github.permissionmanager.sample.demo;

import org.jspecify.annotations.NullMarked;
