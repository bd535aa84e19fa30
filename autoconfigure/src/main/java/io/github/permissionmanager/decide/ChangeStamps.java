package io.github.permissionmanager.decide;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The versions that rule out stale snapshots for a {@link GrantSnapshotCache}: a
 * generation counter, and the generation each user and group was last changed at. A
 * snapshot records the generation it was loaded at, and is current while nothing it
 * depends on was stamped after that.
 */
final class ChangeStamps {

	// Beyond this many stamped users and groups, stamps are dropped and every snapshot
	// older than the drop is reloaded
	private static final int MAX_STAMPS = 100_000;

	private final AtomicLong generation = new AtomicLong();

	private final Map<String, Long> userStamps = new ConcurrentHashMap<>();

	private final Map<String, Long> groupStamps = new ConcurrentHashMap<>();

	private volatile long floor;

	/**
	 * The current generation: read it before loading from the store.
	 * @return the generation
	 */
	long current() {
		return this.generation.get();
	}

	/**
	 * Whether nothing a snapshot depends on changed after it was loaded.
	 * @param loadedAt the generation the snapshot was loaded at
	 * @param user its user
	 * @param groups its groups
	 * @return whether it is unchanged
	 */
	boolean unchangedSince(long loadedAt, String user, Set<String> groups) {
		if (loadedAt < this.floor || stampOf(this.userStamps, user) > loadedAt) {
			return false;
		}
		for (String group : groups) {
			if (stampOf(this.groupStamps, group) > loadedAt) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Stamp a change of a user's grants or memberships.
	 * @param user the user
	 * @return whether every stamp was dropped first, making every snapshot stale
	 */
	synchronized boolean userChanged(String user) {
		return stamp(this.userStamps, user);
	}

	/**
	 * Stamp a change of a group's grants.
	 * @param group the group
	 * @return whether every stamp was dropped first, making every snapshot stale
	 */
	synchronized boolean groupChanged(String group) {
		return stamp(this.groupStamps, group);
	}

	/**
	 * Make every snapshot loaded so far stale.
	 */
	synchronized void dropAll() {
		this.floor = this.generation.incrementAndGet();
		this.userStamps.clear();
		this.groupStamps.clear();
		this.generation.incrementAndGet();
	}

	private boolean stamp(Map<String, Long> stamps, String name) {
		boolean dropped = this.userStamps.size() + this.groupStamps.size() >= MAX_STAMPS;
		if (dropped) {
			dropAll();
		}
		// The first increment orders the stamp after every load that read an older
		// generation; the second makes checks that validated in between validate again
		stamps.put(name, this.generation.incrementAndGet());
		this.generation.incrementAndGet();
		return dropped;
	}

	private static long stampOf(Map<String, Long> stamps, String name) {
		Long stamp = stamps.get(name);
		return (stamp != null) ? stamp : Long.MIN_VALUE;
	}

}
