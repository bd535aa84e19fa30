package io.github.permissionmanager.decide;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The object grants of one resource type of a {@link ScopeIndex}, frozen into one array
 * for checks: an open-addressing table (linear probing, at most half full) whose entry
 * holds the object id and, when the object has one grant (most do), the shape of its trie
 * and that grant's allow. A check reads the entry, the id's string and the shape, which
 * is shared by every object holding the same permission or role; a {@code HashMap} of
 * tries would also read the map, its node and the trie, each in memory the previous check
 * did not touch. An object with several grants is matched through its own trie, which its
 * entry holds instead.
 * <p>
 * Built once when a snapshot is frozen, then only read.
 */
final class ObjectTable {

	// id, then the trie's shape and its sole grant's allow, or the trie and null
	private static final int WIDTH = 3;

	private static final @Nullable Object[] EMPTY = new Object[WIDTH];

	private ObjectTable() {
	}

	/**
	 * The table of some objects' tries.
	 * @param objects the tries by object id, each frozen
	 * @return the table
	 */
	static @Nullable Object[] of(Map<String, PermissionTrie> objects) {
		if (objects.isEmpty()) {
			return EMPTY;
		}
		int capacity = Integer.highestOneBit(objects.size() * 2 - 1) << 1;
		@Nullable Object[] table = new Object[capacity * WIDTH];
		for (Map.Entry<String, PermissionTrie> object : objects.entrySet()) {
			int index = index(object.getKey(), capacity - 1);
			while (table[index * WIDTH] != null) {
				index = (index + 1) & (capacity - 1);
			}
			PermissionTrie trie = object.getValue();
			GrantAllow sole = trie.soleAllow();
			table[index * WIDTH] = object.getKey();
			table[index * WIDTH + 1] = (sole != null) ? trie.shape() : trie;
			table[index * WIDTH + 2] = sole;
		}
		return table;
	}

	/**
	 * The allow of the object's grant that implies the request, or {@code null}.
	 * @param table a table built by {@link #of}
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
				Object matcher = table[index * WIDTH + 1];
				if (matcher instanceof TrieShape shape) {
					return (shape.match(requested) != TrieShape.NONE) ? (GrantAllow) table[index * WIDTH + 2] : null;
				}
				return (matcher instanceof PermissionTrie trie) ? trie.allowing(requested) : null;
			}
			index = (index + 1) & mask;
		}
	}

	private static int index(String id, int mask) {
		int hash = id.hashCode();
		return (hash ^ (hash >>> 16)) & mask;
	}

}
