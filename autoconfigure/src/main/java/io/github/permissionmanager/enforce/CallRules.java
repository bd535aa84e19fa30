package io.github.permissionmanager.enforce;

import java.lang.reflect.Method;

import org.jspecify.annotations.Nullable;

/**
 * What {@link RuleRegistry} found for the {@link Method} objects calls hand over (a proxy
 * hands the same one every time) and their target classes, both compared by identity. One
 * open-addressing array, at most half full and replaced whole on each addition, so a
 * lookup reads one volatile reference, hashes the method alone and allocates nothing (a
 * concurrent map keyed by both would hash both and read its table and node). Bounded:
 * past {@link #MAX_ENTRIES}, calls look up by {@code Method.equals} only.
 */
final class CallRules {

	static final int MAX_ENTRIES = 4096;

	// method, target class, what was found: three slots per entry
	private volatile @Nullable Object[] table = new Object[16 * 3];

	private int size;

	/**
	 * What was found for a call.
	 * @param method the method the call handed over
	 * @param targetClass the target class
	 * @return what was added for exactly these objects, or {@code null}
	 */
	@Nullable Object get(Method method, Class<?> targetClass) {
		@Nullable Object[] entries = this.table;
		int mask = entries.length / 3 - 1;
		int slot = System.identityHashCode(method) & mask;
		while (true) {
			Object found = entries[slot * 3];
			if (found == null) {
				return null;
			}
			if (found == method && entries[slot * 3 + 1] == targetClass) {
				return entries[slot * 3 + 2];
			}
			slot = (slot + 1) & mask;
		}
	}

	/**
	 * Remember what was found for a call, unless full or already there.
	 * @param method the method the call handed over
	 * @param targetClass the target class
	 * @param found what was found (never {@code null})
	 */
	synchronized void add(Method method, Class<?> targetClass, Object found) {
		if (this.size >= MAX_ENTRIES || get(method, targetClass) != null) {
			return;
		}
		@Nullable Object[] entries = this.table;
		int slots = entries.length / 3;
		// a new array every time: a reader sees a complete entry or none
		@Nullable Object[] copy = new Object[((this.size + 1) * 2 > slots) ? entries.length * 2 : entries.length];
		for (int i = 0; i < entries.length; i += 3) {
			if (entries[i] != null) {
				put(copy, entries[i], entries[i + 1], entries[i + 2]);
			}
		}
		put(copy, method, targetClass, found);
		this.size++;
		this.table = copy;
	}

	private static void put(@Nullable Object[] entries, Object method, @Nullable Object targetClass,
			@Nullable Object found) {
		int mask = entries.length / 3 - 1;
		int slot = System.identityHashCode(method) & mask;
		while (entries[slot * 3] != null) {
			slot = (slot + 1) & mask;
		}
		entries[slot * 3] = method;
		entries[slot * 3 + 1] = targetClass;
		entries[slot * 3 + 2] = found;
	}

}
