package io.github.permissionmanager.decide;

import java.util.Objects;
import java.util.function.Predicate;

import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The answers of recent checks, so that a check asked again reads a few cache lines
 * instead of walking the subject's snapshot: a fixed-size open-addressing table of
 * immutable entries keyed by the subject (id and groups), the permission as asked and the
 * resource (type, id and tenant), each holding what the snapshot's unconditional grants
 * answer (the grant's allow, or {@code null} for none), the conditional grants that cover
 * the check (whose conditions are still evaluated on every check) and the snapshot it was
 * computed from.
 * <p>
 * The memo decides nothing about freshness: an entry answers only while its snapshot is
 * one {@link GrantSnapshotCache} would still use, which the cache checks on every hit
 * exactly as it checks a snapshot it finds (trust bound, TTL, grant expiry, change
 * stamps). What unconditional grants answer is a function of the snapshot and the key
 * alone; conditional grants are asked on every check, with its attributes and context,
 * when unconditional ones do not allow, and with JWT claim grants configured the memo is
 * not used at all.
 * <p>
 * An entry's key and answer are final fields, so a racy read sees a whole entry or none;
 * two threads writing one slot at once lose one entry, never mix two. Its one mutable
 * field is the generation at which it was last found current, a shortcut that a lost
 * write only makes a later hit check again. Nothing is allocated on a hit; a miss
 * allocates the entry it puts.
 */
final class DecisionMemo {

	// How many consecutive slots a key may sit in
	private static final int WINDOW = 4;

	/**
	 * The largest size a memo may be given: 16M entries, whose table alone takes 64 MB or
	 * more of heap.
	 */
	static final int MAX_SIZE = 1 << 24;

	private final @Nullable Entry[] table;

	private final int mask;

	/**
	 * Create a memo.
	 * @param size how many entries it holds at most, rounded up to a power of two, at
	 * least {@link #WINDOW}
	 */
	DecisionMemo(int size) {
		Assert.isTrue(size > 0 && size <= MAX_SIZE, () -> "size must be between 1 and " + MAX_SIZE + ", not " + size);
		int slots = Math.max(WINDOW, Integer.highestOneBit(size - 1) << 1);
		this.table = new Entry[slots];
		this.mask = slots - 1;
	}

	/**
	 * The entry of a check, whatever its snapshot.
	 * @param subject who asks
	 * @param permission the permission as asked
	 * @param resource the resource, or {@code null} for an unscoped check
	 * @return the entry, or {@code null} when none is kept
	 */
	@Nullable Entry find(Subject subject, String permission, @Nullable Resource resource) {
		int hash = hash(subject, permission, resource);
		@Nullable Entry[] table = this.table;
		for (int i = 0; i < WINDOW; i++) {
			Entry entry = table[(hash + i) & this.mask];
			if (entry != null && entry.matches(hash, subject, permission, resource)) {
				return entry;
			}
		}
		return null;
	}

	/**
	 * Keep the answer of a check, replacing the entry of the same check (the one
	 * {@link #find} answers), else taking a free slot, else overwriting one.
	 * @param subject who asks
	 * @param permission the permission as asked
	 * @param resource the resource, or {@code null} for an unscoped check
	 * @param snapshot the snapshot the answer was computed from
	 * @param allow what its unconditional grants answer: the grant's allow, or
	 * {@code null} for none
	 * @param conditional the snapshot's conditional grants that cover the check, or
	 * {@code null} for none
	 */
	void put(Subject subject, String permission, @Nullable Resource resource, GrantSnapshot snapshot,
			@Nullable GrantAllow allow, ConditionalGrants.@Nullable Covering conditional) {
		int hash = hash(subject, permission, resource);
		@Nullable Entry[] table = this.table;
		int slot = -1;
		for (int i = 0; i < WINDOW; i++) {
			int index = (hash + i) & this.mask;
			Entry entry = table[index];
			if (entry != null && entry.matches(hash, subject, permission, resource)) {
				slot = index;
				break;
			}
			if (entry == null && slot < 0) {
				slot = index;
			}
		}
		if (slot < 0) {
			// the window is full of other checks: overwrite one, chosen by bits of the
			// hash the slot did not use
			slot = (hash + ((hash >>> 28) & (WINDOW - 1))) & this.mask;
		}
		table[slot] = new Entry(hash, subject, permission, resource, snapshot, allow, conditional);
	}

	/**
	 * Drop the entries computed from snapshots that match: only to release memory early,
	 * since an entry whose snapshot is stale never answers anyway.
	 * @param stale which snapshots to drop the entries of
	 */
	void removeIf(Predicate<GrantSnapshot> stale) {
		@Nullable Entry[] table = this.table;
		for (int i = 0; i < table.length; i++) {
			Entry entry = table[i];
			if (entry != null && stale.test(entry.snapshot)) {
				table[i] = null;
			}
		}
	}

	/**
	 * How many slots the table has.
	 * @return the capacity
	 */
	int capacity() {
		return this.table.length;
	}

	// Not the subject's groups: a set iterates to hash, and one user asking with other
	// groups is rare; such checks share a window and are told apart by matches
	private static int hash(Subject subject, String permission, @Nullable Resource resource) {
		int hash = subject.id().hashCode();
		hash = hash * 31 + permission.hashCode();
		if (resource != null) {
			hash = hash * 31 + resource.type().hashCode();
			hash = hash * 31 + Objects.hashCode(resource.id());
			hash = hash * 31 + Objects.hashCode(resource.tenant());
		}
		hash *= 0x9E3779B9;
		return hash ^ (hash >>> 16);
	}

	/**
	 * What the unconditional grants of a snapshot answer to one check.
	 */
	static final class Entry {

		private final int hash;

		private final Subject subject;

		private final String permission;

		private final @Nullable Resource resource;

		private final GrantSnapshot snapshot;

		private final @Nullable GrantAllow allow;

		private final ConditionalGrants.@Nullable Covering conditional;

		// The snapshot's fields a hit checks, copied so that a hit reads the entry
		// alone: when it was loaded and when its first grant expires
		private final long loadedNanos;

		private final long validUntilMillis;

		// The generation at which this entry's snapshot was last found current through
		// it (-1: never; generations start at 0); a racy write loses a validation, never
		// makes one up
		private volatile long validatedAt = -1;

		private Entry(int hash, Subject subject, String permission, @Nullable Resource resource, GrantSnapshot snapshot,
				@Nullable GrantAllow allow, ConditionalGrants.@Nullable Covering conditional) {
			this.hash = hash;
			this.subject = subject;
			this.permission = permission;
			this.resource = resource;
			this.snapshot = snapshot;
			this.allow = allow;
			this.conditional = conditional;
			this.loadedNanos = snapshot.loadedNanos();
			this.validUntilMillis = snapshot.validUntilMillis();
		}

		GrantSnapshot snapshot() {
			return this.snapshot;
		}

		long loadedNanos() {
			return this.loadedNanos;
		}

		long validUntilMillis() {
			return this.validUntilMillis;
		}

		long validatedAt() {
			return this.validatedAt;
		}

		void validatedAt(long generation) {
			this.validatedAt = generation;
		}

		/**
		 * What the snapshot's unconditional grants answer.
		 * @return the grant's allow, or {@code null} when none allows
		 */
		@Nullable GrantAllow allow() {
			return this.allow;
		}

		/**
		 * The snapshot's conditional grants that cover the check.
		 * @return the grants, or {@code null} when none does
		 */
		ConditionalGrants.@Nullable Covering conditional() {
			return this.conditional;
		}

		// Identity first: a caller that asks again with the same objects compares no
		// string
		private boolean matches(int hash, Subject subject, String permission, @Nullable Resource resource) {
			return this.hash == hash && (this.permission == permission || this.permission.equals(permission))
					&& sameSubject(subject) && sameResource(resource);
		}

		private boolean sameSubject(Subject subject) {
			Subject own = this.subject;
			return own == subject || (own.id().equals(subject.id()) && own.groups().equals(subject.groups()));
		}

		private boolean sameResource(@Nullable Resource resource) {
			Resource own = this.resource;
			if (own == resource) {
				return true;
			}
			return own != null && resource != null && own.type().equals(resource.type())
					&& Objects.equals(own.id(), resource.id()) && Objects.equals(own.tenant(), resource.tenant());
		}

	}

}
