package io.github.permissionmanager.decide;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parses requested permissions once: checks ask for the same few strings (those on
 * annotations and rules) over and over, so their parsed forms are kept, up to a bound
 * that arbitrary programmatic strings cannot grow past.
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
	 * @return the parsed permission
	 * @throws IllegalArgumentException when it cannot be parsed
	 */
	Requested requested(String permission) {
		Requested cached = this.parsed.get(permission);
		if (cached != null) {
			return cached;
		}
		Requested requested = new Requested(permission, WildcardPermission.parse(permission), List.of(permission));
		if (this.parsed.size() < MAX_CACHED) {
			this.parsed.put(permission, requested);
		}
		return requested;
	}

	/**
	 * A requested permission, parsed.
	 *
	 * @param text the permission as asked
	 * @param permission the parsed permission
	 * @param missing the permission as the one missing from a denial
	 */
	record Requested(String text, WildcardPermission permission, List<String> missing) {
	}

}
