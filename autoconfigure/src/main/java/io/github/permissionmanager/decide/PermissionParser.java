package io.github.permissionmanager.decide;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.permissionmanager.Decision;

/**
 * Parses requested permissions once: checks ask for the same few strings (those on
 * annotations and rules) over and over, so their parsed forms, with the denial a check of
 * them gives when no grant covers it, are kept, up to a bound that arbitrary programmatic
 * strings cannot grow past.
 */
final class PermissionParser {

	private static final int MAX_CACHED = 4096;

	private final Map<String, Requested> parsed = new ConcurrentHashMap<>();

	/**
	 * Parse a permission.
	 * @param permission the permission string
	 * @return the parsed permission
	 * @throws IllegalArgumentException when it cannot be parsed
	 */
	WildcardPermission parse(String permission) {
		return requested(permission).permission();
	}

	/**
	 * Parse a requested permission.
	 * @param permission the permission string
	 * @return the parsed permission and its denial
	 * @throws IllegalArgumentException when it cannot be parsed
	 */
	Requested requested(String permission) {
		Requested cached = this.parsed.get(permission);
		if (cached != null) {
			return cached;
		}
		Requested requested = new Requested(WildcardPermission.parse(permission), Decision
			.deny("no grant of '" + permission + "' covers the resource for the subject", List.of(permission)));
		if (this.parsed.size() < MAX_CACHED) {
			this.parsed.put(permission, requested);
		}
		return requested;
	}

	/**
	 * A requested permission, parsed.
	 *
	 * @param permission the parsed permission
	 * @param denial the decision when no grant covers it
	 */
	record Requested(WildcardPermission permission, Decision denial) {
	}

}
