package io.github.permissionmanager.actuate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.github.permissionmanager.decide.GrantSnapshotCache;
import io.github.permissionmanager.sync.ChangeFollower;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.util.Assert;

/**
 * The health of the grant cache: how many subjects it holds, its hit rate when statistics
 * are recorded (a meter registry is present), and, with a change log follower, whether
 * the follower keeps up.
 * <ul>
 * <li>{@code DOWN}: the follower is not running, or its last poll could not read the
 * change log ({@code failedPolls} says how many in a row).</li>
 * <li>{@code OUT_OF_SERVICE}: the follower reads the log but has not done so within
 * {@code max-staleness} (lagging, or not yet polled since the start): checks bypass the
 * cache and read the store.</li>
 * <li>{@code UP} otherwise, and always without a follower.</li>
 * </ul>
 */
public final class PermissionCacheHealthIndicator implements HealthIndicator {

	private final GrantSnapshotCache cache;

	private final @Nullable ChangeFollower follower;

	/**
	 * Create an indicator.
	 * @param cache the grant cache
	 * @param follower the change log follower, or {@code null} when none keeps the cache
	 * fresh
	 */
	public PermissionCacheHealthIndicator(GrantSnapshotCache cache, @Nullable ChangeFollower follower) {
		Assert.notNull(cache, "cache cannot be null");
		this.cache = cache;
		this.follower = follower;
	}

	@Override
	public Health health() {
		Health.Builder health = Health.up().withDetail("size", this.cache.size());
		Cache<?, ?> nativeCache = this.cache.nativeCache();
		health.withDetail("enabled", nativeCache != null);
		if (nativeCache != null && nativeCache.policy().isRecordingStats()) {
			CacheStats stats = nativeCache.stats();
			health.withDetail("hitRate", stats.hitRate()).withDetail("evictions", stats.evictionCount());
		}
		ChangeFollower follower = this.follower;
		if (follower == null) {
			return health.build();
		}
		int failedPolls = follower.failedPolls();
		boolean trusted = follower.isCacheTrusted();
		health.withDetail("follower", follower.isRunning() ? "running" : "stopped")
			.withDetail("failedPolls", failedPolls)
			.withDetail("followedTo", follower.followedTo())
			.withDetail("trusted", trusted);
		if (!follower.isRunning() || failedPolls > 0) {
			health.down();
		}
		else if (!trusted) {
			health.outOfService();
		}
		return health.build();
	}

}
