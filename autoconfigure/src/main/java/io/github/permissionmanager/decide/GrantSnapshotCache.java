package io.github.permissionmanager.decide;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Policy;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Per-subject snapshots of grants, kept in Caffeine. A snapshot is built from one read of
 * the store ({@link SubjectGrantsLoader}) and answers checks with hash lookups only.
 * <p>
 * Staleness is ruled out by versions, not by timing: every change stamps the user or
 * group it touches with a new generation, and a snapshot loaded before that stamp is
 * never used again, even one that a check racing the change puts into the cache after the
 * change was evicted. The store reports a change when it writes and again after its
 * transaction completes, so a rolled-back change leaves the old grants in force, and a
 * committed one is visible to every check that starts after the write returns. A snapshot
 * also stops being used when its first grant expires; the TTL is only a backstop.
 * <p>
 * Entry points for changes made elsewhere (the change log follower of another instance's
 * changes): {@link #userChanged(String)}, {@link #groupChanged(String)} (drops every
 * snapshot that includes the group) and {@link #invalidateAll()}. Its {@link CacheTrust}
 * bounds in time how long snapshots may be used without the follower having read the log,
 * and runs checks that must read the store; a check asks it before using any snapshot.
 */
public final class GrantSnapshotCache implements GrantChangeListener {

	// A power of two: one cached read in this many is recorded for the eviction policy
	static final int RECORDED_READS = 16;

	/**
	 * How many answers of recent checks are kept unless told otherwise.
	 */
	public static final int DEFAULT_MEMO_SIZE = 8192;

	// Which low bits of the clock must be zero for a read to be recorded: none when
	// statistics are recorded, so hits are counted exactly
	private final long recordedReadMask;

	private final SubjectGrantsLoader loader;

	private final Clock clock;

	// Keyed by the user id alone for a subject without groups (the common case, no key to
	// allocate), else by a Key of user and groups
	private final @Nullable Cache<Object, GrantSnapshot> cache;

	// The same cache, read without recording the read for the eviction policy
	private final @Nullable Policy<Object, GrantSnapshot> policy;

	private final ChangeStamps stamps = new ChangeStamps();

	private final GrantImplication implication;

	private final CacheTrust trust = new CacheTrust();

	// How long a snapshot is used at most, measured on the ticker's scale; checked with
	// the nanoTime the trust check reads anyway, so Caffeine reads no clock of its own
	private final long ttlNanos;

	private final @Nullable Ticker ticker;

	// The loads of each thread, counted once an observer asks (countLoadsPerThread): on
	// the path that reads the store, never on a cached check
	private final ThreadLocal<long[]> loads = ThreadLocal.withInitial(() -> new long[1]);

	private volatile boolean countingLoads;

	// The answers of recent checks (DefaultPermissionEvaluator asks it first), or null
	// when nothing is cached or the memo is off
	private final @Nullable DecisionMemo memo;

	/**
	 * Create a cache with an implication of its own over the roles.
	 * @param loader reads a subject's grants from the store
	 * @param roles the roles grants may name
	 * @param clock the clock expiry is measured with
	 * @param ttl how long a snapshot is kept at most, or {@code null} to cache nothing
	 * @param maximumSize how many subjects are kept at most
	 */
	public GrantSnapshotCache(SubjectGrantsLoader loader, Roles roles, Clock clock, @Nullable Duration ttl,
			long maximumSize) {
		this(loader, new GrantImplication(roles), clock, ttl, maximumSize, Ticker.systemTicker());
	}

	/**
	 * Create a cache.
	 * @param loader reads a subject's grants from the store
	 * @param implication the implication snapshots are built and matched with, shared
	 * with the store so each permission string is parsed once
	 * @param clock the clock expiry is measured with
	 * @param ttl how long a snapshot is kept at most, or {@code null} to cache nothing
	 * @param maximumSize how many subjects are kept at most
	 */
	public GrantSnapshotCache(SubjectGrantsLoader loader, GrantImplication implication, Clock clock,
			@Nullable Duration ttl, long maximumSize) {
		this(loader, implication, clock, ttl, maximumSize, false);
	}

	/**
	 * Create a cache that may record Caffeine's statistics (hits, misses, evictions), for
	 * a meter registry to read: recording costs a counter update per check, so it is on
	 * only when something reads it.
	 * @param loader reads a subject's grants from the store
	 * @param implication the implication snapshots are built and matched with, shared
	 * with the store so each permission string is parsed once
	 * @param clock the clock expiry is measured with
	 * @param ttl how long a snapshot is kept at most, or {@code null} to cache nothing
	 * @param maximumSize how many subjects are kept at most
	 * @param recordStats whether to record statistics
	 */
	public GrantSnapshotCache(SubjectGrantsLoader loader, GrantImplication implication, Clock clock,
			@Nullable Duration ttl, long maximumSize, boolean recordStats) {
		this(loader, implication, clock, ttl, maximumSize, recordStats, DEFAULT_MEMO_SIZE);
	}

	/**
	 * Create a cache that may record Caffeine's statistics, with a memo of recent checks'
	 * answers of the given size.
	 * @param loader reads a subject's grants from the store
	 * @param implication the implication snapshots are built and matched with, shared
	 * with the store so each permission string is parsed once
	 * @param clock the clock expiry is measured with
	 * @param ttl how long a snapshot is kept at most, or {@code null} to cache nothing
	 * @param maximumSize how many subjects are kept at most
	 * @param recordStats whether to record statistics
	 * @param memoSize how many answers of recent checks are kept (rounded up to a power
	 * of two), {@code 0} for none
	 */
	public GrantSnapshotCache(SubjectGrantsLoader loader, GrantImplication implication, Clock clock,
			@Nullable Duration ttl, long maximumSize, boolean recordStats, int memoSize) {
		this(loader, implication, clock, ttl, maximumSize, Ticker.systemTicker(), recordStats, memoSize);
	}

	GrantSnapshotCache(SubjectGrantsLoader loader, GrantImplication implication, Clock clock, @Nullable Duration ttl,
			long maximumSize, Ticker ticker) {
		this(loader, implication, clock, ttl, maximumSize, ticker, false, DEFAULT_MEMO_SIZE);
	}

	GrantSnapshotCache(SubjectGrantsLoader loader, GrantImplication implication, Clock clock, @Nullable Duration ttl,
			long maximumSize, Ticker ticker, boolean recordStats, int memoSize) {
		Assert.notNull(loader, "loader cannot be null");
		Assert.notNull(implication, "implication cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.loader = loader;
		this.implication = implication;
		this.clock = clock;
		this.cache = (ttl != null && !ttl.isZero() && maximumSize > 0) ? caffeine(maximumSize, recordStats).build()
				: null;
		this.policy = (this.cache != null) ? this.cache.policy() : null;
		this.recordedReadMask = recordStats ? 0 : RECORDED_READS - 1;
		this.ttlNanos = (ttl != null) ? saturatedNanos(ttl) : 0;
		this.ticker = (ticker == Ticker.systemTicker()) ? null : ticker;
		Assert.isTrue(memoSize >= 0 && memoSize <= DecisionMemo.MAX_SIZE,
				() -> "permission-manager.cache.memo-size must be between 0 (none) and " + DecisionMemo.MAX_SIZE
						+ ", not " + memoSize);
		this.memo = (this.cache != null && memoSize > 0) ? new DecisionMemo(memoSize) : null;
	}

	/**
	 * The current snapshot of a subject, loading it when none is cached or the cached one
	 * is out of date.
	 * @param subject the subject
	 * @return the snapshot
	 */
	GrantSnapshot get(Subject subject) {
		Object key = key(subject);
		// the one clock read of a cached check: for the trust bound and the TTL alike
		long now = System.nanoTime();
		Cache<Object, GrantSnapshot> cache = this.cache;
		Policy<Object, GrantSnapshot> policy = this.policy;
		if (cache == null || policy == null || !this.trust.allowsCache(now)) {
			return load(key);
		}
		// One read in RECORDED_READS is recorded for the eviction policy (every read when
		// statistics are recorded), chosen by the low bits of the clock read above (no
		// counter, no thread-local): a busy subject is still seen more often than an idle
		// one, and the other reads skip the policy's read buffer and the maintenance a
		// full buffer runs on the reading thread. Either read finds the same entry, and a
		// miss loads either way.
		GrantSnapshot snapshot = ((now & this.recordedReadMask) == 0) ? cache.getIfPresent(key)
				: policy.getIfPresentQuietly(key);
		if (snapshot != null && isCurrent(snapshot, (this.ticker != null) ? this.ticker.read() : now)) {
			return snapshot;
		}
		if (snapshot != null) {
			cache.asMap().remove(key, snapshot);
		}
		// Loaded on this thread without holding the cache's lock on the key: against a
		// slow or failing store, concurrent checks of one subject each give up after the
		// evaluation timeout instead of queueing behind one another's loads. A load older
		// than a change is never used again (see isCurrent), whichever load is put last.
		snapshot = load(key);
		if (!isCurrent(snapshot, snapshot.loadedNanos())) {
			// A change landed while this check was loading; it answers as of after the
			// change
			snapshot = load(key);
		}
		cache.put(key, snapshot);
		return snapshot;
	}

	/**
	 * The kept answer of a check, when the snapshot it was computed from is one
	 * {@link #get} would use now: the same trust bound, TTL, expiry and change stamps,
	 * with the one clock read of a cached check. A hit allocates nothing and does not
	 * walk the snapshot.
	 * @param subject who asks
	 * @param permission the permission as asked
	 * @param resource the resource, or {@code null} for an unscoped check
	 * @return the entry, whose answer stands, or {@code null} to decide from the snapshot
	 */
	DecisionMemo.@Nullable Entry memoized(Subject subject, String permission, @Nullable Resource resource) {
		DecisionMemo memo = this.memo;
		if (memo == null) {
			return null;
		}
		// Found before the clock is read: a check not in the memo reads the clock once,
		// in get
		DecisionMemo.Entry entry = memo.find(subject, permission, resource);
		return (entry != null && answers(entry, subject)) ? entry : null;
	}

	/**
	 * Whether a memo entry's answer stands now: its snapshot is one {@link #get} would
	 * use (the same trust bound, TTL, expiry and change stamps), read from the entry's
	 * copies of the snapshot's fields while nothing changed since the entry was last
	 * found current.
	 * @param entry the entry found for the check
	 * @param subject who asks
	 * @return whether the entry answers
	 */
	boolean answers(DecisionMemo.Entry entry, Subject subject) {
		long now = System.nanoTime();
		if (!this.trust.allowsCache(now) || !isCurrent(entry, (this.ticker != null) ? this.ticker.read() : now)) {
			return false;
		}
		if ((now & this.recordedReadMask) == 0) {
			// the read the eviction policy would have seen without the memo (every read
			// when statistics are recorded): a subject answered from the memo is still
			// counted as busy
			Cache<Object, GrantSnapshot> cache = this.cache;
			if (cache != null) {
				cache.getIfPresent(key(subject));
			}
		}
		return true;
	}

	private boolean isCurrent(DecisionMemo.Entry entry, long nanoTime) {
		if (!isFresh(entry.loadedNanos(), entry.validUntilMillis(), nanoTime)) {
			return false;
		}
		// Read before the snapshot is checked: a change stamped after this read moves
		// the generation on, so the entry's validation never outlives it
		long current = this.stamps.current();
		if (entry.validatedAt() == current) {
			return true;
		}
		if (!isCurrent(entry.snapshot(), nanoTime)) {
			return false;
		}
		entry.validatedAt(current);
		return true;
	}

	/**
	 * Keep what a snapshot's unconditional grants answer to a check, and which of its
	 * conditional grants cover it, for {@link #memoized}: a function of the snapshot and
	 * the check alone (the caller evaluates those grants' conditions on every check, and
	 * keeps nothing when other sources, such as JWT claims, could allow).
	 * @param subject who asks
	 * @param permission the permission as asked
	 * @param resource the resource, or {@code null} for an unscoped check
	 * @param snapshot the snapshot {@link #get} answered for the subject
	 * @param allow what its unconditional grants answer: the grant's allow, or
	 * {@code null} for none
	 * @param conditional the conditional grants that cover the check, or {@code null} for
	 * none (or when {@code allow} is set: they are not asked then)
	 */
	void memoize(Subject subject, String permission, @Nullable Resource resource, GrantSnapshot snapshot,
			@Nullable GrantAllow allow, ConditionalGrants.@Nullable Covering conditional) {
		DecisionMemo memo = this.memo;
		if (memo != null) {
			memo.put(subject, permission, resource, snapshot, allow, conditional);
		}
	}

	/**
	 * The ids of the objects of a type that the subject's object grants allow, read from
	 * its snapshot (one query on a miss, none on a hit). Grants on the whole type or on
	 * every resource are not listed: ask a check with {@code Resource.ofType(type)} for
	 * those.
	 * @param subject the subject
	 * @param permission the permission
	 * @param resourceType the resource type
	 * @param tenant the tenant, or {@code null} for grants in every tenant only
	 * @return the ids
	 * @throws IllegalArgumentException when the permission cannot be parsed
	 */
	public Set<String> objectIds(Subject subject, String permission, String resourceType, @Nullable String tenant) {
		return get(subject).objectIds(this.implication.requested(permission), resourceType, tenant);
	}

	/**
	 * The implication the snapshots are built and matched with, shared with the evaluator
	 * so each permission string is parsed once.
	 * @return the implication
	 */
	GrantImplication implication() {
		return this.implication;
	}

	/**
	 * Which objects of a type the subject may act on with a permission, from its snapshot
	 * (one query on a miss, none on a hit): every object when a grant on the whole type
	 * or on every resource covers it, else exactly the objects its object grants name. A
	 * check of {@code Resource.of(resourceType, id).withTenant(tenant)} is allowed if and
	 * only if the answer is every object or contains {@code id}.
	 * @param subject the subject
	 * @param permission the permission
	 * @param resourceType the resource type
	 * @param tenant the tenant of the objects, or {@code null} for none
	 * @return the permitted objects
	 * @throws IllegalArgumentException when the permission cannot be parsed
	 */
	public PermittedObjects permitted(Subject subject, String permission, String resourceType,
			@Nullable String tenant) {
		return get(subject).permitted(this.implication.requested(permission), resourceType, tenant);
	}

	/**
	 * What {@link #permitted} answers in every tenant at once, from one snapshot: for
	 * rows that each carry their own tenant.
	 * @param subject the subject
	 * @param permission the permission
	 * @param resourceType the resource type
	 * @return the permitted objects, tenant by tenant
	 * @throws IllegalArgumentException when the permission cannot be parsed
	 */
	public PermittedObjectsByTenant permittedByTenant(Subject subject, String permission, String resourceType) {
		return get(subject).permittedByTenant(this.implication.requested(permission), resourceType);
	}

	/**
	 * The groups of a subject as decisions see them: those it carries and the store's
	 * memberships, read from its snapshot (one query on a miss, none on a hit).
	 * @param subject the subject
	 * @return its groups
	 */
	public Set<String> groups(Subject subject) {
		return get(subject).groups();
	}

	private static Object key(Subject subject) {
		return subject.groups().isEmpty() ? subject.id() : new Key(subject.id(), subject.groups());
	}

	private GrantSnapshot load(Object key) {
		String user = (key instanceof Key subjectKey) ? subjectKey.user() : (String) key;
		Set<String> groups = (key instanceof Key subjectKey) ? subjectKey.groups() : Set.of();
		// Read the generation before the store: a change stamped after it makes this
		// stale
		if (this.countingLoads) {
			this.loads.get()[0]++;
		}
		long loadedAt = this.stamps.current();
		long loadedNanos = (this.ticker != null) ? this.ticker.read() : System.nanoTime();
		SubjectGrants loaded = this.loader.load(user, groups);
		return GrantSnapshot.build(user, groups, loaded, this.implication, loadedAt, loadedNanos, this.clock.millis());
	}

	private boolean isCurrent(GrantSnapshot snapshot, long nanoTime) {
		if (!isFresh(snapshot.loadedNanos(), snapshot.validUntilMillis(), nanoTime)) {
			return false;
		}
		long current = this.stamps.current();
		if (snapshot.validatedAt() == current) {
			return true;
		}
		if (!this.stamps.unchangedSince(snapshot.loadedAt(), snapshot.user(), snapshot.groups())) {
			return false;
		}
		snapshot.validatedAt(current);
		return true;
	}

	// Within the TTL and before the first grant expires
	private boolean isFresh(long loadedNanos, long validUntilMillis, long nanoTime) {
		if (nanoTime - loadedNanos >= this.ttlNanos) {
			return false;
		}
		return validUntilMillis == Long.MAX_VALUE || this.clock.millis() < validUntilMillis;
	}

	private static Caffeine<Object, Object> caffeine(long maximumSize, boolean recordStats) {
		Caffeine<Object, Object> builder = Caffeine.newBuilder().maximumSize(maximumSize).executor(Runnable::run);
		return recordStats ? builder.recordStats() : builder;
	}

	private static long saturatedNanos(Duration duration) {
		try {
			return duration.toNanos();
		}
		catch (ArithmeticException ex) {
			return Long.MAX_VALUE;
		}
	}

	@Override
	public void userChanged(String user) {
		if (this.stamps.userChanged(user)) {
			invalidateCache();
		}
		if (this.cache != null) {
			this.cache.asMap().values().removeIf((snapshot) -> snapshot.user().equals(user));
		}
		if (this.memo != null) {
			this.memo.removeIf((snapshot) -> snapshot.user().equals(user));
		}
	}

	@Override
	public void groupChanged(String group) {
		if (this.stamps.groupChanged(group)) {
			invalidateCache();
		}
		if (this.cache != null) {
			this.cache.asMap().values().removeIf((snapshot) -> snapshot.groups().contains(group));
		}
		if (this.memo != null) {
			this.memo.removeIf((snapshot) -> snapshot.groups().contains(group));
		}
	}

	/**
	 * Drop every snapshot.
	 */
	public void invalidateAll() {
		this.stamps.dropAll();
		invalidateCache();
	}

	private void invalidateCache() {
		if (this.cache != null) {
			this.cache.invalidateAll();
		}
		if (this.memo != null) {
			this.memo.removeIf((snapshot) -> true);
		}
	}

	/**
	 * When cached snapshots may be used, and how far the change log has been applied.
	 * @return the trust of this cache
	 */
	public CacheTrust trust() {
		return this.trust;
	}

	/**
	 * The number of snapshots currently cached.
	 * @return the estimated size
	 */
	public long size() {
		return (this.cache != null) ? this.cache.estimatedSize() : 0;
	}

	/**
	 * The Caffeine cache behind the snapshots, for metrics and health: its statistics are
	 * recorded only when the cache was created to record them.
	 * @return the cache, or {@code null} when caching is off
	 */
	public @Nullable Cache<?, ?> nativeCache() {
		return this.cache;
	}

	/**
	 * Count from now on how many snapshots each thread loads from the store, for an
	 * observer telling a cached check from a cold one ({@link #loadsOnThisThread()}).
	 */
	public void countLoadsPerThread() {
		this.countingLoads = true;
	}

	/**
	 * How many snapshots this thread has loaded from the store since loads are counted.
	 * @return the count, {@code 0} when loads are not counted
	 */
	public long loadsOnThisThread() {
		return this.countingLoads ? this.loads.get()[0] : 0;
	}

	private record Key(String user, Set<String> groups) {
	}

}
