package io.github.permissionmanager.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.permissionmanager.autoconfigure.PermissionConnectionsProperties.ConnectionEntry;
import io.github.permissionmanager.connect.ConnectionCatalog;
import io.github.permissionmanager.connect.ConnectionDefinition;
import io.github.permissionmanager.connect.ConnectionPreset;
import io.github.permissionmanager.connect.TokenResponseFormat;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code permission-manager.connections.catalog} into the connection catalog,
 * taking from each entry's preset what the entry does not say, and noting every problem
 * for the startup validation (an unknown preset, an API key without a key name).
 */
final class ConnectionCatalogFactory {

	private ConnectionCatalogFactory() {
	}

	static ConnectionCatalog catalog(PermissionConnectionsProperties properties, List<String> problems) {
		Map<String, ConnectionDefinition> entries = new LinkedHashMap<>();
		properties.getCatalog().forEach((name, entry) -> {
			ConnectionDefinition definition = definition(name, entry, problems);
			if (definition != null) {
				entries.put(name, definition);
			}
		});
		return new ConnectionCatalog(entries);
	}

	private static @Nullable ConnectionDefinition definition(String name, ConnectionEntry entry,
			List<String> problems) {
		String where = "Connection '" + name + "'";
		if (entry.getType() == ConnectionDefinition.Kind.API_KEY) {
			if (entry.getKeyName() == null || entry.getKeyName().isBlank()) {
				problems.add(where + " is an API key without a key-name (the header, query parameter or body field "
						+ "that carries it)");
				return null;
			}
			if (entry.getPreset() != null || !entry.getScopes().isEmpty() || entry.getTokenResponse() != null) {
				problems.add(where + " is an API key: preset, scopes and token-response are for OAuth2 connections");
			}
			return new ConnectionDefinition(name, ConnectionDefinition.Kind.API_KEY, name, List.of(), null, Map.of(),
					TokenResponseFormat.STANDARD, new ConnectionDefinition.ApiKey(entry.getKeyName(),
							entry.getKeyLocation(), entry.getKeyPrefix(), entry.getExpiration()),
					entry.message());
		}
		ConnectionPreset preset = null;
		if (entry.getPreset() != null) {
			preset = ConnectionPreset.find(entry.getPreset());
			if (preset == null) {
				problems.add(where + " names preset '" + entry.getPreset() + "', which does not exist (presets: "
						+ String.join(", ", ConnectionPreset.names()) + ")");
			}
		}
		String registration = (entry.getRegistration() != null) ? entry.getRegistration() : name;
		List<String> scopes = (!entry.getScopes().isEmpty() || preset == null) ? entry.getScopes() : preset.scopes();
		String revocation = (entry.getRevocationUri() != null) ? entry.getRevocationUri()
				: (preset != null) ? preset.revocationUri() : null;
		Map<String, String> parameters = new LinkedHashMap<>();
		if (preset != null) {
			parameters.putAll(preset.authorizationParameters());
		}
		parameters.putAll(entry.getAuthorizationParameters());
		TokenResponseFormat tokenResponse = (entry.getTokenResponse() != null) ? entry.getTokenResponse()
				: (preset != null) ? preset.tokenResponse() : TokenResponseFormat.STANDARD;
		return new ConnectionDefinition(name, ConnectionDefinition.Kind.OAUTH2, registration, scopes, revocation,
				parameters, tokenResponse, null, entry.message());
	}

}
