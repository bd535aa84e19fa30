package io.github.permissionmanager.decide;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The object grants of one resource type of a {@link ScopeIndex}, in one array for
 * checks: an open-addressing table (linear probing, at most half full) whose entry holds
 * the object id and, when the object has one grant (most do), the shape of its trie and
 * that grant's allow. A check reads the entry, the id's string and the shape, which is
 * shared by every object holding the same permission or role; a {@code HashMap} of tries
 * would also read the map, its node and the trie, each in memory the previous check did
 * not touch. An object with several grants is matched through its own trie, which its
 * entry holds instead.
 * <p>
 * A {@link Builder} fills the table as a snapshot's grants are read, so an object with
 * one grant gets no trie, map node or array of its own (a cold check builds forty of
 * them). Built once when a snapshot is frozen, then only read.
 */
final class ObjectTable {

	// id, then the trie's shape and its sole grant's allow, or the trie and null
	private static final int WIDTH = 3;

	private static final @Nullable Object[] EMPTY = new Object[WIDTH];

	private ObjectTable() {
	}

	/**
	 * The table of no objects.
	 * @return the table
	 */
	static @Nullable Object[] empty() {
		return EMPTY;
	}

	/**
	 * The allow of the object's grant that implies the request, or {@code null}.
	 * @param table a table built by a {@link Builder}
	 * @param id the object id
	 * @param requested the requested permission or role
	 * @return the allow, or {@code null} when the object has no grant that implies it
	 */
	static @Nullable GrantAllow allowing(@Nullable Object[] table, String id, GrantImplication.Requested requested) {
		int mask = table.length / WIDTH - 1;
		int index = index(id, mask);
		while (true) {
			Object key = table[index * WIDTH];
			if (key == null) {
				return null;
			}
			if (key == id || key.equals(id)) {
				return allowingAt(table, index, requested);
			}
			index = (index + 1) & mask;
		}
	}

	/**
	 * Collect the objects the request is allowed on, and the permission of the grant that
	 * allows each (the first one found).
	 * @param table a table built by a {@link Builder}
	 * @param requested the requested permission or role
	 * @param ids where the ids go
	 * @param permissions where the permissions go
	 */
	static void collect(@Nullable Object[] table, GrantImplication.Requested requested, Set<String> ids,
			Set<String> permissions) {
		for (int index = 0; index < table.length / WIDTH; index++) {
			Object key = table[index * WIDTH];
			if (key != null) {
				GrantAllow allow = allowingAt(table, index, requested);
				if (allow != null) {
					ids.add((String) key);
					permissions.add(allow.grant().permission());
				}
			}
		}
	}

	private static @Nullable GrantAllow allowingAt(@Nullable Object[] table, int index,
			GrantImplication.Requested requested) {
		Object matcher = table[index * WIDTH + 1];
		if (matcher instanceof TrieShape shape) {
			return (shape.match(requested) != TrieShape.NONE) ? (GrantAllow) table[index * WIDTH + 2] : null;
		}
		return (matcher instanceof PermissionTrie trie) ? trie.allowing(requested) : null;
	}

	private static int index(String id, int mask) {
		int hash = id.hashCode();
		return (hash ^ (hash >>> 16)) & mask;
	}

	// Slots for some objects, at most half of them used
	private static int capacity(int objects) {
		return (objects <= 1) ? 2 : Integer.highestOneBit(objects * 2 - 1) << 1;
	}

	/**
	 * A table being filled: the entry of an object with one grant holds what the grant
	 * holds and its allow (its shape is looked up when the table is built); a second
	 * grant of the object makes it a trie. Not thread-safe: one snapshot's build fills
	 * it.
	 */
	static final class Builder {

		private @Nullable Object[] table;

		private int size;

		/**
		 * Create a builder.
		 * @param expected the number of objects expected (a hint: the table grows past
		 * it, and is cut to size when built)
		 */
		Builder(int expected) {
			this.table = (expected > 0) ? new Object[capacity(expected) * WIDTH] : EMPTY;
		}

		/**
		 * Add an object's grant.
		 * @param id the object id
		 * @param held what the grant holds
		 * @param allow the allow a match of it answers
		 * @param implication where the shared shapes of one grant are kept
		 */
		void add(String id, GrantImplication.Held held, GrantAllow allow, GrantImplication implication) {
			int index = slot(this.table, id);
			if (this.table[index * WIDTH] != null) {
				Object matcher = this.table[index * WIDTH + 1];
				if (matcher instanceof PermissionTrie trie) {
					trie.add(held, allow);
					return;
				}
				if (!(matcher instanceof GrantImplication.Held first)
						|| !(this.table[index * WIDTH + 2] instanceof GrantAllow firstAllow)) {
					throw new IllegalStateException("No grant for object " + id);
				}
				PermissionTrie trie = PermissionTrie.adding(null, first, firstAllow, implication);
				trie.add(held, allow);
				this.table[index * WIDTH + 1] = trie;
				this.table[index * WIDTH + 2] = null;
				return;
			}
			if ((this.size + 1) * 2 > this.table.length / WIDTH) {
				this.table = resized(this.table, capacity(this.size + 1));
				index = slot(this.table, id);
			}
			this.table[index * WIDTH] = id;
			this.table[index * WIDTH + 1] = held;
			this.table[index * WIDTH + 2] = allow;
			this.size++;
		}

		/**
		 * The table for checks: the shared shape of each object with one grant, each
		 * other object's trie frozen. The builder is not used after.
		 * @param implication where the shared shapes of one grant are kept
		 * @return the table
		 */
		@Nullable Object[] build(GrantImplication implication) {
			if (this.size == 0) {
				return EMPTY;
			}
			@Nullable Object[] built = (this.table.length / WIDTH > capacity(this.size))
					? resized(this.table, capacity(this.size)) : this.table;
			for (int index = 0; index < built.length / WIDTH; index++) {
				Object matcher = built[index * WIDTH + 1];
				if (matcher instanceof GrantImplication.Held held) {
					built[index * WIDTH + 1] = implication.shape(held);
				}
				else if (matcher instanceof PermissionTrie trie) {
					trie.freeze();
				}
			}
			this.table = EMPTY;
			this.size = 0;
			return built;
		}

		// the slot of the id, or the empty slot where it goes
		private static int slot(@Nullable Object[] table, String id) {
			int mask = table.length / WIDTH - 1;
			int index = index(id, mask);
			while (true) {
				Object key = table[index * WIDTH];
				if (key == null || key.equals(id)) {
					return index;
				}
				index = (index + 1) & mask;
			}
		}

		private static @Nullable Object[] resized(@Nullable Object[] table, int capacity) {
			@Nullable Object[] resized = new Object[capacity * WIDTH];
			for (int index = 0; index < table.length / WIDTH; index++) {
				Object key = table[index * WIDTH];
				if (key != null) {
					int to = slot(resized, (String) key);
					resized[to * WIDTH] = key;
					resized[to * WIDTH + 1] = table[index * WIDTH + 1];
					resized[to * WIDTH + 2] = table[index * WIDTH + 2];
				}
			}
			return resized;
		}

	}

}
