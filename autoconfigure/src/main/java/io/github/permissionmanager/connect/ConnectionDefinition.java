package io.github.permissionmanager.connect;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.permissionmanager.KeyLocation;
import io.github.permissionmanager.web.CatalogMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * One connection of the catalog, as the checks read it: an OAuth2 client registration
 * with the scopes every use needs, or an API key and where it goes; what the catalog says
 * about it; and, for an OAuth2 connection, the provider's revocation endpoint and the
 * extra parameters its authorization requests carry.
 *
 * @param name the connection's name
 * @param kind OAuth2 or API key
 * @param registrationId the Spring Security client registration (for OAuth2)
 * @param scopes scopes every use of the connection needs
 * @param revocationUri the provider's RFC 7009 endpoint, or {@code null}
 * @param authorizationParameters extra parameters of the authorization request
 * @param tokenResponse how the provider's token endpoint answers (for OAuth2)
 * @param apiKey where an API key goes, for an API-key connection
 * @param catalog what the catalog says about it
 */
public record ConnectionDefinition(String name, Kind kind, String registrationId, List<String> scopes,
		@Nullable String revocationUri, Map<String, String> authorizationParameters, TokenResponseFormat tokenResponse,
		@Nullable ApiKey apiKey, CatalogMessage catalog) {

	public ConnectionDefinition {
		Assert.hasText(name, "name cannot be empty");
		Assert.isTrue(kind != Kind.API_KEY || apiKey != null, "an API-key connection needs its key settings");
		scopes = List.copyOf(scopes);
		authorizationParameters = Map.copyOf(authorizationParameters);
		Assert.notNull(tokenResponse, "tokenResponse cannot be null");
	}

	/**
	 * The two kinds of connection.
	 */
	public enum Kind {

		/** A Spring Security OAuth2 client registration. */
		OAUTH2,

		/** An API key the user hands over. */
		API_KEY

	}

	/**
	 * Where an API key goes and how long it is kept.
	 *
	 * @param keyName the header, query parameter or body field
	 * @param location where it goes
	 * @param prefix what goes before it, or {@code null}
	 * @param expiration how long a stored key is used, or {@code null} for as long as it
	 * is not replaced
	 */
	public record ApiKey(String keyName, KeyLocation location, @Nullable String prefix, @Nullable Duration expiration) {

	}

}
