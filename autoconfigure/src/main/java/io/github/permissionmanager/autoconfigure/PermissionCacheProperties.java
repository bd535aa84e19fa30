package io.github.permissionmanager.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Per-subject decision cache ({@code permission-manager.cache}).
 */
@ConfigurationProperties("permission-manager.cache")
public class PermissionCacheProperties {

	/**
	 * Whether to cache each subject's grants.
	 */
	private boolean enabled = true;

	/**
	 * How long a subject's cached grants are kept; a backstop, since changes made through
	 * PermissionGrants evict at once.
	 */
	private Duration ttl = Duration.ofMinutes(10);

	/**
	 * Maximum number of subjects kept in the cache.
	 */
	private long maximumSize = 10_000;

	/**
	 * How many answers of recent checks (subject, permission and resource) are kept in
	 * front of the subjects' cached grants, rounded up to a power of two; 0 keeps none.
	 * An answer is used only while the grants it was computed from are still current. At
	 * most 16777216.
	 */
	private int memoSize = 8192;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getTtl() {
		return this.ttl;
	}

	public void setTtl(Duration ttl) {
		this.ttl = ttl;
	}

	public long getMaximumSize() {
		return this.maximumSize;
	}

	public void setMaximumSize(long maximumSize) {
		this.maximumSize = maximumSize;
	}

	public int getMemoSize() {
		return this.memoSize;
	}

	public void setMemoSize(int memoSize) {
		this.memoSize = memoSize;
	}

}
