package io.github.permissionmanager.decide;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parses requested permissions once: checks ask for the same few strings (those on
 * annotations and rules) over and over, so their parsed forms are kept, up to a bound that
 * arbitrary programmatic strings cannot grow past.
 */
final class PermissionParser {

	private static final int MAX_CACHED = 4096;

	private final Map<String, WildcardPermission> parsed = new ConcurrentHashMap<>();

	/**
	 * Parse a permission.
	 * @param permission the permission string
	 * @return the parsed permission
	 * @throws IllegalArgumentException when it cannot be parsed
	 */
	WildcardPermission parse(String permission) {
		WildcardPermission cached = this.parsed.get(permission);
		if (cached != null) {
			return cached;
		}
		WildcardPermission parsedPermission = WildcardPermission.parse(permission);
		if (this.parsed.size() < MAX_CACHED) {
			this.parsed.put(permission, parsedPermission);
		}
		return parsedPermission;
	}

}
