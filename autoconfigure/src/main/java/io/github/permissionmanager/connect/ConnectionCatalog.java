package io.github.permissionmanager.connect;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The connections an application knows: the entries of
 * {@code permission-manager.connections.catalog}, each an OAuth2 client registration or
 * an API key. A client registration is a connection only through an entry that names it
 * (one that is only used to log in is not one).
 */
public final class ConnectionCatalog {

	private final Map<String, ConnectionDefinition> entries;

	/**
	 * Create a catalog.
	 * @param entries the catalog's entries by name
	 */
	public ConnectionCatalog(Map<String, ConnectionDefinition> entries) {
		Assert.notNull(entries, "entries cannot be null");
		this.entries = new LinkedHashMap<>(entries);
	}

	/**
	 * The connection of a name.
	 * @param name the name
	 * @return its definition, or {@code null} when the catalog has no such entry
	 */
	public @Nullable ConnectionDefinition find(String name) {
		return this.entries.get(name);
	}

	/**
	 * The OAuth2 connection a client registration serves.
	 * @param registrationId the registration
	 * @return the connection, or {@code null} when no entry names the registration
	 */
	public @Nullable ConnectionDefinition forRegistration(String registrationId) {
		for (ConnectionDefinition entry : this.entries.values()) {
			if (entry.kind() == ConnectionDefinition.Kind.OAUTH2 && entry.registrationId().equals(registrationId)) {
				return entry;
			}
		}
		return null;
	}

	/**
	 * The catalog's entries.
	 * @return the entries, in the order of the configuration
	 */
	public Map<String, ConnectionDefinition> entries() {
		return Collections.unmodifiableMap(this.entries);
	}

	/**
	 * The names of the catalog's entries.
	 * @return the names, in the order of the configuration
	 */
	public Set<String> names() {
		return Collections.unmodifiableSet(this.entries.keySet());
	}

}
