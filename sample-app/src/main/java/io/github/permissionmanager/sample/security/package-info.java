/**
 * Who the caller is: stateless HTTP Basic over the demo users, and 401 problem responses
 * when they are not signed in. What they may do is Permission Manager's job.
 */
@NullMarked
package io.github.permissionmanager.sample.security;

import org.jspecify.annotations.NullMarked;
