/**
 * Tests of the admin console mounted in the sample: its guard, its forms, its paging and
 * a real browser walking through it.
 */
@NullMarked
package io.github.permissionmanager.sample.console;

import org.jspecify.annotations.NullMarked;
