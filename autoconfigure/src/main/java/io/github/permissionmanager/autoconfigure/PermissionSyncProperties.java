package io.github.permissionmanager.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the caches of several instances follow one grant store.
 */
@ConfigurationProperties("permission-manager.cache.sync")
public class PermissionSyncProperties {

	/**
	 * How this instance learns of changes made on others: poll the change log, poll and
	 * be woken by PostgreSQL LISTEN/NOTIFY or by Redis pub/sub, or not at all (then
	 * changes made elsewhere are seen only when the cache TTL runs out).
	 */
	private Mode mode = Mode.POLL;

	/**
	 * How long between two reads of the change log when no push wakes the follower
	 * earlier.
	 */
	private Duration pollInterval = Duration.ofMillis(500);

	/**
	 * How long cached grants are trusted without the change log having been read: past
	 * it, checks read the store (and fail when it is down). At least twice the poll
	 * interval.
	 */
	private Duration maxStaleness = Duration.ofSeconds(3);

	/**
	 * How long a hole in the change log positions (a change written but not yet
	 * committed) is waited for; a transaction that writes a change must commit within
	 * half of it.
	 */
	private Duration gapTimeout = Duration.ofSeconds(60);

	/**
	 * How long change log rows are kept; rows an instance heard from within it has not
	 * read are kept longer. At least twice the gap timeout.
	 */
	private Duration retention = Duration.ofHours(1);

	/**
	 * Channel of the push notifications (PostgreSQL or Redis); defaults to the table
	 * prefix followed by "changes".
	 */
	private String channel = "";

	public Mode getMode() {
		return this.mode;
	}

	public void setMode(Mode mode) {
		this.mode = mode;
	}

	public Duration getPollInterval() {
		return this.pollInterval;
	}

	public void setPollInterval(Duration pollInterval) {
		this.pollInterval = pollInterval;
	}

	public Duration getMaxStaleness() {
		return this.maxStaleness;
	}

	public void setMaxStaleness(Duration maxStaleness) {
		this.maxStaleness = maxStaleness;
	}

	public Duration getGapTimeout() {
		return this.gapTimeout;
	}

	public void setGapTimeout(Duration gapTimeout) {
		this.gapTimeout = gapTimeout;
	}

	public Duration getRetention() {
		return this.retention;
	}

	public void setRetention(Duration retention) {
		this.retention = retention;
	}

	public String getChannel() {
		return this.channel;
	}

	public void setChannel(String channel) {
		this.channel = channel;
	}

	/**
	 * How an instance learns of changes made on others.
	 */
	public enum Mode {

		/**
		 * Read the change log every poll interval.
		 */
		POLL,

		/**
		 * Poll, and be woken at once by PostgreSQL LISTEN/NOTIFY.
		 */
		POSTGRES,

		/**
		 * Poll, and be woken at once by Redis pub/sub (Spring Data Redis).
		 */
		REDIS,

		/**
		 * Do not follow: changes made elsewhere are seen when the cache TTL runs out.
		 */
		NONE

	}

}
