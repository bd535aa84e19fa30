package io.github.permissionmanager.decide;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.github.permissionmanager.Consistency;
import io.github.permissionmanager.ConsistencyToken;

/**
 * When the {@link GrantSnapshotCache} may answer from its snapshots. Unbounded until a
 * change log follower calls {@link #trustUntil(long)}; from then on, snapshots are used
 * only until the instant it last set, which it moves forward each time it has read the
 * log. Past it (the follower cannot read the log, or is stuck), every check reads the
 * store, and fails when the store does. The check on the hot path is two volatile reads
 * (the bound, and how many threads read through) and, when bounded, a comparison with the
 * {@code System.nanoTime()} the cache reads once per check (for its TTL too).
 * <p>
 * It also records how far the change log has been applied ({@link #followedTo(long)}),
 * for checks that must be at least as fresh as a change ({@link #hasFollowed(long)}), and
 * runs checks that must read the store whatever is cached
 * ({@link #readingThrough(Supplier)}).
 */
public final class CacheTrust {

	private static final long UNBOUNDED = Long.MIN_VALUE;

	// Until when (System.nanoTime()) snapshots may be used; UNBOUNDED when no follower
	// bounds it
	private volatile long trustedUntil = UNBOUNDED;

	private final AtomicLong followedTo = new AtomicLong(-1);

	// How many threads are in readingThrough: the thread-local is read only when some are
	private final AtomicInteger readingThrough = new AtomicInteger();

	private final ThreadLocal<Boolean> readThrough = new ThreadLocal<>();

	/**
	 * Trust snapshots until an instant, and not after it unless this is called again.
	 * @param nanoTime the instant, on the {@link System#nanoTime()} scale
	 */
	public void trustUntil(long nanoTime) {
		this.trustedUntil = (nanoTime == UNBOUNDED) ? UNBOUNDED + 1 : nanoTime;
	}

	/**
	 * Whether cached snapshots may be used now.
	 * @return {@code false} once the instant last given to {@link #trustUntil(long)} has
	 * passed
	 */
	public boolean isTrusted() {
		long until = this.trustedUntil;
		return until == UNBOUNDED || System.nanoTime() - until < 0;
	}

	/**
	 * Whether a check on this thread may use cached snapshots.
	 * @param nanoTime {@link System#nanoTime()}, read by the caller
	 * @return whether the cache is trusted and this thread is not reading through
	 */
	boolean allowsCache(long nanoTime) {
		long until = this.trustedUntil;
		return (until == UNBOUNDED || nanoTime - until < 0)
				&& (this.readingThrough.get() == 0 || this.readThrough.get() == null);
	}

	/**
	 * Record that every change up to a position of the change log has been applied.
	 * @param position the position; a lower one than already recorded is ignored
	 */
	public void followedTo(long position) {
		this.followedTo.accumulateAndGet(position, Math::max);
	}

	/**
	 * How far the change log has been applied.
	 * @return the position, {@code -1} when no follower has applied any
	 */
	public long followedTo() {
		return this.followedTo.get();
	}

	/**
	 * Whether every change up to a position has been applied and the cache is trusted.
	 * @param position the position
	 * @return whether a snapshot is at least that fresh
	 */
	public boolean hasFollowed(long position) {
		return this.followedTo.get() >= position && isTrusted();
	}

	/**
	 * Run something as fresh as a consistency requirement asks: on the cache when it has
	 * followed the change log up to the requirement's token (and is trusted), reading the
	 * store otherwise, and always for {@link Consistency#full()}. The one place checks,
	 * object lists and filters decide this.
	 * @param <T> the result type
	 * @param consistency the requirement
	 * @param action what to run
	 * @return its result
	 */
	public <T> T honouring(Consistency consistency, Supplier<T> action) {
		ConsistencyToken token = consistency.token();
		if (token != null && hasFollowed(token.position())) {
			return action.get();
		}
		return readingThrough(action);
	}

	/**
	 * Run something whose checks on this thread read the store instead of cached
	 * snapshots.
	 * @param <T> the result type
	 * @param action what to run
	 * @return its result
	 */
	public <T> T readingThrough(Supplier<T> action) {
		if (this.readThrough.get() != null) {
			return action.get();
		}
		this.readThrough.set(Boolean.TRUE);
		this.readingThrough.incrementAndGet();
		try {
			return action.get();
		}
		finally {
			this.readingThrough.decrementAndGet();
			this.readThrough.remove();
		}
	}

}
