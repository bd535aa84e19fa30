package io.github.permissionmanager.sync;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * How a {@link ChangeFollower} follows the change log.
 *
 * @param pollInterval how long between two polls when no push arrives
 * @param maxStaleness how long after a poll started the cache may still be trusted
 * without another successful poll
 * @param gapTimeout how long a hole in the positions is waited for
 * @param retention how long rows and silent followers are kept
 * @param pruneInterval how often this follower prunes the log
 */
public record SyncSettings(Duration pollInterval, Duration maxStaleness, Duration gapTimeout, Duration retention,
		Duration pruneInterval) {

	public SyncSettings {
		positive(pollInterval, "poll-interval");
		positive(maxStaleness, "max-staleness");
		positive(gapTimeout, "gap-timeout");
		positive(retention, "retention");
		positive(pruneInterval, "prune interval");
		// A bound the follower cannot meet between two polls would leave the cache never
		// trusted
		Assert.isTrue(maxStaleness.compareTo(pollInterval.multipliedBy(2)) >= 0,
				() -> "permission-manager.cache.sync.max-staleness (" + maxStaleness
						+ ") must be at least twice the poll-interval (" + pollInterval + ")");
		// A new follower reads back one gap timeout: pruning must not have removed those
		// rows
		Assert.isTrue(retention.compareTo(gapTimeout.multipliedBy(2)) >= 0,
				() -> "permission-manager.cache.sync.retention (" + retention
						+ ") must be at least twice the gap-timeout (" + gapTimeout + ")");
	}

	private static void positive(Duration duration, String name) {
		Assert.isTrue(duration != null && !duration.isNegative() && !duration.isZero(),
				() -> "permission-manager.cache.sync." + name + " must be positive, not " + duration);
	}

}
