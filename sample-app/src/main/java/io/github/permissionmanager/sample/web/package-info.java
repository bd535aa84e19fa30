/**
 * The conference API. Each endpoint carries a comment naming the Permission Manager
 * feature it shows.
 */
@NullMarked
package io.github.permissionmanager.sample.web;

import org.jspecify.annotations.NullMarked;
