package io.github.permissionmanager.connect;

import java.util.List;

/**
 * One connection a method needs, as its annotation says: the name and the scopes the call
 * needs on top of the catalog entry's.
 *
 * @param name the connection's name
 * @param scopes the scopes the annotation adds
 */
public record ConnectionRequirement(String name, List<String> scopes) {

	public ConnectionRequirement {
		scopes = List.copyOf(scopes);
	}

}
