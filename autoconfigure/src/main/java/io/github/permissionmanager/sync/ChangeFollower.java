package io.github.permissionmanager.sync;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.decide.GrantSnapshotCache;
import io.github.permissionmanager.store.ChangeLog;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * Follows the store's {@link ChangeLog} on one instance and drops the cached snapshots
 * each change made stale: a user's, or every snapshot that includes a group. Polling is
 * the truth; {@link #wake()} (push) only makes the next poll come early.
 * <p>
 * Positions are assigned at insert and may commit out of order: when position 11 is read
 * before 10, 10 is a hole, asked for again on every poll until it shows up or the gap
 * timeout passes (its transaction rolled back; {@link ChangeLog} makes sure none commits
 * later). The follower counts as having applied the log only up to the first open hole.
 * <p>
 * After each poll that read the log, the cache is trusted for {@code max-staleness} from
 * when that poll started: every change committed before then has been applied. A follower
 * that cannot read the log lets the trust run out, and checks read the store.
 */
public final class ChangeFollower implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ChangeFollower.class);

	private static final int BATCH = 500;

	// An identity jump wider than this comes from a sequence cache or a restart, not from
	// transactions still open: only the positions right below the new one are waited for
	private static final int MAX_HOLES = 10_000;

	private static final Duration HEARTBEAT = Duration.ofSeconds(5);

	private static final Duration WARNING_INTERVAL = Duration.ofMinutes(1);

	private final ChangeLog log;

	private final GrantSnapshotCache cache;

	private final SyncSettings settings;

	private final String instance;

	private final Clock clock;

	private final PollLoop loop;

	// Guarded by this: the highest position read, and holes below it with when each was
	// seen
	private long high = -1;

	private final TreeMap<Long, Long> holes = new TreeMap<>();

	private long lastHeartbeat;

	private long lastPrune;

	private boolean registered;

	// written by the polling thread only; read by health checks too
	private volatile int failedPolls;

	private long lastWarning;

	/**
	 * Create a follower; from now on the cache is trusted only while the follower keeps
	 * up.
	 * @param log the change log
	 * @param cache this instance's cache
	 * @param settings intervals and bounds
	 * @param instance the id this instance is known by in the followers table
	 * @param clock the clock of the change log rows
	 */
	public ChangeFollower(ChangeLog log, GrantSnapshotCache cache, SyncSettings settings, String instance,
			Clock clock) {
		Assert.notNull(log, "log cannot be null");
		Assert.notNull(cache, "cache cannot be null");
		Assert.notNull(settings, "settings cannot be null");
		Assert.hasText(instance, "instance cannot be empty");
		Assert.notNull(clock, "clock cannot be null");
		this.log = log;
		this.cache = cache;
		this.settings = settings;
		this.instance = instance;
		this.clock = clock;
		this.loop = new PollLoop(this::pollQuietly, settings.pollInterval());
		// Until the first poll, nothing cached is vouched for
		cache.trust().trustUntil(System.nanoTime());
	}

	/**
	 * Poll now instead of at the next interval (a push notification arrived).
	 */
	public void wake() {
		this.loop.wake();
	}

	/**
	 * Start polling on a thread of its own.
	 */
	@Override
	public void start() {
		this.loop.start("permission-manager-change-follower");
	}

	/**
	 * Stop polling.
	 */
	@Override
	public void stop() {
		this.loop.stop();
	}

	/**
	 * Whether the follower is polling.
	 * @return whether it was started and not stopped
	 */
	@Override
	public boolean isRunning() {
		return this.loop.isRunning();
	}

	/**
	 * How many polls in a row could not read the change log.
	 * @return the count, {@code 0} when the last poll read it
	 */
	public int failedPolls() {
		return this.failedPolls;
	}

	/**
	 * Whether the cache this follower keeps fresh may be used now: past
	 * {@code max-staleness} without a poll that read the log, checks read the store.
	 * @return whether the cache is trusted
	 */
	public boolean isCacheTrusted() {
		return this.cache.trust().isTrusted();
	}

	/**
	 * How far the change log has been applied.
	 * @return the position, {@code -1} before the first change
	 */
	public long followedTo() {
		return this.cache.trust().followedTo();
	}

	private void pollQuietly() {
		try {
			poll();
		}
		catch (RuntimeException ex) {
			// The trust runs out by itself; checks read the store meanwhile. One warning
			// when an outage starts, then one a minute, not one every poll.
			long now = System.nanoTime();
			// one writer: the polling thread
			int failed = this.failedPolls + 1;
			this.failedPolls = failed;
			if (failed == 1 || now - this.lastWarning >= WARNING_INTERVAL.toNanos()) {
				this.lastWarning = now;
				logger.warn("Could not read the permission change log (" + this.failedPolls + " failed polls so far): "
						+ ex.getMessage()
						+ (this.cache.trust().isTrusted() ? "" : " (checks read the store until it can)"));
			}
			return;
		}
		if (this.failedPolls > 0) {
			logger.info("Reading the permission change log again after " + this.failedPolls + " failed polls");
			this.failedPolls = 0;
		}
	}

	/**
	 * Read the log once and apply what is new.
	 */
	public synchronized void poll() {
		long started = System.nanoTime();
		if (this.high < 0) {
			this.high = this.log.startingPosition(this.clock.instant().minus(this.settings.gapTimeout()));
		}
		List<ChangeLog.Change> changes;
		do {
			changes = this.log.after(this.high, BATCH);
			for (ChangeLog.Change change : changes) {
				long position = change.position();
				for (long hole = Math.max(this.high + 1, position - MAX_HOLES); hole < position; hole++) {
					this.holes.put(hole, started);
				}
				this.high = Math.max(this.high, position);
				apply(change);
			}
		}
		while (changes.size() == BATCH);
		fillHoles(started);
		long followed = this.holes.isEmpty() ? this.high : this.holes.firstKey() - 1;
		maintain(followed);
		this.cache.trust().followedTo(followed);
		this.cache.trust().trustUntil(started + this.settings.maxStaleness().toNanos());
	}

	private void fillHoles(long started) {
		if (this.holes.isEmpty()) {
			return;
		}
		List<Long> waiting = new ArrayList<>(this.holes.keySet());
		for (int from = 0; from < waiting.size(); from += BATCH) {
			for (ChangeLog.Change change : this.log.at(waiting.subList(from, Math.min(waiting.size(), from + BATCH)))) {
				if (this.holes.remove(change.position()) != null) {
					apply(change);
				}
			}
		}
		long timeout = this.settings.gapTimeout().toNanos();
		this.holes.values().removeIf((seen) -> started - seen > timeout);
	}

	private void maintain(long followed) {
		long now = System.nanoTime();
		boolean first = !this.registered;
		if (!first && now - this.lastHeartbeat < HEARTBEAT.toNanos()) {
			return;
		}
		boolean known = this.log.heartbeat(this.instance, followed);
		if (!first && !known) {
			// Silent longer than the retention: others may have pruned rows this one
			// never read
			logger.warn("This instance was forgotten by the permission change log; dropping every cached snapshot");
			this.cache.invalidateAll();
		}
		this.registered = true;
		this.lastHeartbeat = now;
		if (first || now - this.lastPrune > this.settings.pruneInterval().toNanos()) {
			this.lastPrune = now;
			int pruned = this.log.prune(this.settings.retention());
			if (pruned > 0 && logger.isDebugEnabled()) {
				logger.debug("Pruned " + pruned + " rows of the permission change log");
			}
		}
	}

	private void apply(ChangeLog.Change change) {
		Grantee grantee = change.grantee();
		if (grantee.kind() == Grantee.Kind.USER) {
			this.cache.userChanged(grantee.name());
		}
		else {
			this.cache.groupChanged(grantee.name());
		}
	}

}
