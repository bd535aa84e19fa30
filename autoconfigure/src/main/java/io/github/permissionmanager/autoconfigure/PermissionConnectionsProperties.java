package io.github.permissionmanager.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.permissionmanager.KeyLocation;
import io.github.permissionmanager.connect.ConnectionDefinition;
import io.github.permissionmanager.connect.TokenResponseFormat;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Connections ({@code permission-manager.connections}): the catalog of external services
 * a user connects (OAuth2 client registrations and API keys), where their credentials are
 * kept, and the endpoints of sign-in and sign-out.
 */
@ConfigurationProperties("permission-manager.connections")
public class PermissionConnectionsProperties {

	/**
	 * Key that encrypts stored tokens and API keys (AES-GCM): 32 random bytes in Base64,
	 * as "openssl rand -base64 32" prints. Required when the catalog is stored in a
	 * DataSource; keep it out of the source and do not lose it.
	 */
	private @Nullable String encryptionKey;

	/**
	 * Path of the connection endpoints: GET lists the user's connections, DELETE
	 * {endpoint}/{name} signs out, POST {endpoint}/{name} hands over an API key.
	 */
	private String endpoint = "/connections";

	/**
	 * Path the browser returns to after signing in when the sign-in URL has no return-to.
	 */
	private String defaultReturnTo = "/";

	/**
	 * Time a call to a provider (a token refresh, a revocation) may take before the
	 * connection counts as unavailable.
	 */
	private Duration providerTimeout = Duration.ofSeconds(10);

	/**
	 * Connection catalog, keyed by connection name.
	 */
	private Map<String, ConnectionEntry> catalog = new LinkedHashMap<>();

	public @Nullable String getEncryptionKey() {
		return this.encryptionKey;
	}

	public void setEncryptionKey(@Nullable String encryptionKey) {
		this.encryptionKey = encryptionKey;
	}

	public String getEndpoint() {
		return this.endpoint;
	}

	public void setEndpoint(String endpoint) {
		this.endpoint = endpoint;
	}

	public String getDefaultReturnTo() {
		return this.defaultReturnTo;
	}

	public void setDefaultReturnTo(String defaultReturnTo) {
		this.defaultReturnTo = defaultReturnTo;
	}

	public Duration getProviderTimeout() {
		return this.providerTimeout;
	}

	public void setProviderTimeout(Duration providerTimeout) {
		this.providerTimeout = providerTimeout;
	}

	public Map<String, ConnectionEntry> getCatalog() {
		return this.catalog;
	}

	public void setCatalog(Map<String, ConnectionEntry> catalog) {
		this.catalog = catalog;
	}

	/**
	 * One connection: how it is made, and what the user is told about it.
	 */
	public static class ConnectionEntry extends PermissionCatalogProperties.CatalogEntry {

		/**
		 * Kind of connection: an OAuth2 client registration or an API key.
		 */
		private ConnectionDefinition.Kind type = ConnectionDefinition.Kind.OAUTH2;

		/**
		 * Built-in provider whose endpoints, scopes and parameters the registration
		 * takes: github, gitlab, google-calendar, google-drive, gmail, slack or
		 * microsoft.
		 */
		private @Nullable String preset;

		/**
		 * Spring Security client registration of the connection; the connection's name
		 * when not set.
		 */
		private @Nullable String registration;

		/**
		 * Scopes every use of the connection needs; the preset's when not set.
		 */
		private List<String> scopes = new ArrayList<>();

		/**
		 * Provider's RFC 7009 revocation endpoint, called on sign-out; the preset's, or
		 * the provider metadata's revocation_endpoint, when not set.
		 */
		private @Nullable String revocationUri;

		/**
		 * Extra parameters of the authorization request, added to the preset's.
		 */
		private Map<String, String> authorizationParameters = new LinkedHashMap<>();

		/**
		 * How the provider's token endpoint answers: standard (RFC 6749) or slack
		 * (Slack's oauth.v2.access: "bot" tokens, comma-separated scopes, refusals as
		 * "ok": false). The preset's when not set, else standard.
		 */
		private @Nullable TokenResponseFormat tokenResponse;

		/**
		 * Header, query parameter or body field that carries an API key.
		 */
		private @Nullable String keyName;

		/**
		 * Where an API key goes.
		 */
		private KeyLocation keyLocation = KeyLocation.HEADER;

		/**
		 * Text sent before an API key, such as "Bearer ".
		 */
		private @Nullable String keyPrefix;

		/**
		 * How long a stored API key is used before the user must hand over a new one; for
		 * as long as it is not replaced when not set.
		 */
		private @Nullable Duration expiration;

		public ConnectionDefinition.Kind getType() {
			return this.type;
		}

		public void setType(ConnectionDefinition.Kind type) {
			this.type = type;
		}

		public @Nullable String getPreset() {
			return this.preset;
		}

		public void setPreset(@Nullable String preset) {
			this.preset = preset;
		}

		public @Nullable TokenResponseFormat getTokenResponse() {
			return this.tokenResponse;
		}

		public void setTokenResponse(@Nullable TokenResponseFormat tokenResponse) {
			this.tokenResponse = tokenResponse;
		}

		public @Nullable String getRegistration() {
			return this.registration;
		}

		public void setRegistration(@Nullable String registration) {
			this.registration = registration;
		}

		public List<String> getScopes() {
			return this.scopes;
		}

		public void setScopes(List<String> scopes) {
			this.scopes = scopes;
		}

		public @Nullable String getRevocationUri() {
			return this.revocationUri;
		}

		public void setRevocationUri(@Nullable String revocationUri) {
			this.revocationUri = revocationUri;
		}

		public Map<String, String> getAuthorizationParameters() {
			return this.authorizationParameters;
		}

		public void setAuthorizationParameters(Map<String, String> authorizationParameters) {
			this.authorizationParameters = authorizationParameters;
		}

		public @Nullable String getKeyName() {
			return this.keyName;
		}

		public void setKeyName(@Nullable String keyName) {
			this.keyName = keyName;
		}

		public KeyLocation getKeyLocation() {
			return this.keyLocation;
		}

		public void setKeyLocation(KeyLocation keyLocation) {
			this.keyLocation = keyLocation;
		}

		public @Nullable String getKeyPrefix() {
			return this.keyPrefix;
		}

		public void setKeyPrefix(@Nullable String keyPrefix) {
			this.keyPrefix = keyPrefix;
		}

		public @Nullable Duration getExpiration() {
			return this.expiration;
		}

		public void setExpiration(@Nullable Duration expiration) {
			this.expiration = expiration;
		}

	}

}
