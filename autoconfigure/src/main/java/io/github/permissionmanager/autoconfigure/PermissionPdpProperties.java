package io.github.permissionmanager.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The policy decision point ({@code permission-manager.pdp}): this application serving
 * its decisions to other services ({@code enabled}), or asking a remote one instead of a
 * local store ({@code url}).
 */
@ConfigurationProperties("permission-manager.pdp")
public class PermissionPdpProperties {

	/**
	 * Whether to serve this application's decisions to other services over HTTP.
	 */
	private boolean enabled;

	/**
	 * Path under which the decision point's endpoints are served (version 1 under
	 * {base-path}/v1).
	 */
	private String basePath = "/pdp";

	/**
	 * Largest request body the decision point reads; a larger one is refused with 413.
	 */
	private DataSize maxBodySize = DataSize.ofMegabytes(1);

	/**
	 * Most checks one bulk request may hold.
	 */
	private int maxChecks = 1000;

	/**
	 * Request header that carries an API key, on both sides.
	 */
	private String apiKeyHeader = "X-Api-Key";

	/**
	 * API keys that authenticate callers of the decision point, by caller name (each
	 * caller also needs a pdp:check grant); at least 16 characters each.
	 */
	private Map<String, String> apiKeys = new LinkedHashMap<>();

	/**
	 * Base URL of a remote decision point (e.g. http://pdp:8080/pdp) that decides this
	 * application's checks instead of a local grant store.
	 */
	private @Nullable String url;

	/**
	 * How this application calls a remote decision point.
	 */
	private final Client client = new Client();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getBasePath() {
		return this.basePath;
	}

	public void setBasePath(String basePath) {
		this.basePath = basePath;
	}

	public DataSize getMaxBodySize() {
		return this.maxBodySize;
	}

	public void setMaxBodySize(DataSize maxBodySize) {
		this.maxBodySize = maxBodySize;
	}

	public int getMaxChecks() {
		return this.maxChecks;
	}

	public void setMaxChecks(int maxChecks) {
		this.maxChecks = maxChecks;
	}

	public String getApiKeyHeader() {
		return this.apiKeyHeader;
	}

	public void setApiKeyHeader(String apiKeyHeader) {
		this.apiKeyHeader = apiKeyHeader;
	}

	public Map<String, String> getApiKeys() {
		return this.apiKeys;
	}

	public void setApiKeys(Map<String, String> apiKeys) {
		this.apiKeys = apiKeys;
	}

	public @Nullable String getUrl() {
		return this.url;
	}

	public void setUrl(@Nullable String url) {
		this.url = url;
	}

	public Client getClient() {
		return this.client;
	}

	/**
	 * How this application calls a remote decision point.
	 */
	public static class Client {

		/**
		 * Longest the connection to the decision point may take to open.
		 */
		private Duration connectTimeout = Duration.ofMillis(500);

		/**
		 * Longest an answer of the decision point may take; past it the check fails
		 * (503).
		 */
		private Duration readTimeout = Duration.ofSeconds(1);

		/**
		 * HTTP client that asks the decision point: auto (Apache HttpClient 5 when it is
		 * on the classpath, the JDK's HttpClient otherwise), apache or jdk.
		 */
		private Transport transport = Transport.AUTO;

		/**
		 * Most connections kept open to the decision point at once (Apache HttpClient 5);
		 * a check that finds none free within the connect timeout fails (503).
		 */
		private int maxConnections = 200;

		/**
		 * API key this application sends to the decision point.
		 */
		private @Nullable String apiKey;

		/**
		 * Spring Security OAuth2 client registration (client credentials) whose access
		 * token this application sends to the decision point.
		 */
		private @Nullable String registrationId;

		/**
		 * How long a decision of the decision point is reused; 0 asks it every time.
		 */
		private Duration cacheTtl = Duration.ofSeconds(5);

		/**
		 * Most decisions kept in the local cache.
		 */
		private long cacheMaximumSize = 10_000;

		/**
		 * Most checks sent in one bulk request; more are sent in several. At most the
		 * decision point's max-checks (1000 by default), which refuses a larger bulk.
		 */
		private int bulkSize = 1000;

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public Duration getReadTimeout() {
			return this.readTimeout;
		}

		public void setReadTimeout(Duration readTimeout) {
			this.readTimeout = readTimeout;
		}

		public Transport getTransport() {
			return this.transport;
		}

		public void setTransport(Transport transport) {
			this.transport = transport;
		}

		public int getMaxConnections() {
			return this.maxConnections;
		}

		public void setMaxConnections(int maxConnections) {
			this.maxConnections = maxConnections;
		}

		public @Nullable String getApiKey() {
			return this.apiKey;
		}

		public void setApiKey(@Nullable String apiKey) {
			this.apiKey = apiKey;
		}

		public @Nullable String getRegistrationId() {
			return this.registrationId;
		}

		public void setRegistrationId(@Nullable String registrationId) {
			this.registrationId = registrationId;
		}

		public Duration getCacheTtl() {
			return this.cacheTtl;
		}

		public void setCacheTtl(Duration cacheTtl) {
			this.cacheTtl = cacheTtl;
		}

		public long getCacheMaximumSize() {
			return this.cacheMaximumSize;
		}

		public void setCacheMaximumSize(long cacheMaximumSize) {
			this.cacheMaximumSize = cacheMaximumSize;
		}

		public int getBulkSize() {
			return this.bulkSize;
		}

		public void setBulkSize(int bulkSize) {
			this.bulkSize = bulkSize;
		}

	}

	/**
	 * The HTTP client that asks a remote decision point.
	 */
	public enum Transport {

		/**
		 * Apache HttpClient 5 when it is on the classpath, the JDK's HttpClient
		 * otherwise.
		 */
		AUTO,

		/**
		 * Apache HttpClient 5 (classic, blocking on the calling thread): the fastest
		 * round trip; the start fails when it is not on the classpath.
		 */
		APACHE,

		/**
		 * The JDK's {@code java.net.http.HttpClient}, which needs no library.
		 */
		JDK

	}

}
