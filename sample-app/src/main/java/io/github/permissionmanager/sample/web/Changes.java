package io.github.permissionmanager.sample.web;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A request body that sets a name or a title ({@code {"title": "..."}} or {@code {"name":
 * "..."}}).
 *
 * @param title the new title, for sessions
 * @param name the new name, for events
 * @param eventId the event the change is about, when the body names it: Permission
 * Manager checks it agrees with the event the check reads (another one is a 400), so the
 * body cannot smuggle in another event than the URL's
 */
record Changes(@Nullable String title, @Nullable String name, @Nullable Long eventId) {

	private static final int MAX_LENGTH = 255;

	String requireTitle() {
		return require(this.title, "title");
	}

	String requireName() {
		return require(this.name, "name");
	}

	private static String require(@Nullable String value, String field) {
		if (value == null || value.isBlank()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'" + field + "' is required");
		}
		// the column holds 255 characters; a longer value is the caller's mistake, not a
		// 500
		if (value.length() > MAX_LENGTH) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"'" + field + "' is longer than " + MAX_LENGTH + " characters");
		}
		return value;
	}

}
