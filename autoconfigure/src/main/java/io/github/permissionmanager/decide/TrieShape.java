package io.github.permissionmanager.decide;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The index of what some grants hold, behind a {@link PermissionTrie}, answering slots:
 * the order the grants were added in. A shape answers once frozen; frozen shapes are only
 * read, so one can be shared by many tries.
 */
final class TrieShape {

	// Beyond this many paths a permission with many alternatives is only scanned, not
	// indexed
	private static final int MAX_PATHS = 256;

	/**
	 * No slot: nothing held here implies the request.
	 */
	static final int NONE = -1;

	private final Node root = new Node();

	// Built when first needed
	private @Nullable List<Held> held;

	private @Nullable List<Held> unindexed;

	// The roles held here (role grants hold their role and the roles it includes); a
	// role is matched by name only, never as a permission pattern
	private @Nullable Map<String, Integer> roles;

	/**
	 * The frozen shape of one grant.
	 * @param held what the grant holds
	 * @return the shape, answering slot 0
	 */
	static TrieShape of(GrantImplication.Held held) {
		TrieShape shape = new TrieShape();
		shape.add(held, 0);
		shape.freeze();
		return shape;
	}

	void add(GrantImplication.Held held, int slot) {
		for (WildcardPermission permission : held.permissions()) {
			add(permission, slot);
		}
		for (String role : held.roles()) {
			if (this.roles == null) {
				this.roles = new HashMap<>(4);
			}
			this.roles.putIfAbsent(role, slot);
		}
	}

	void add(WildcardPermission permission, int slot) {
		if (this.held == null) {
			this.held = new ArrayList<>(4);
		}
		this.held.add(new Held(permission, slot));
		List<Node> nodes = List.of(this.root);
		for (int i = 0; i < permission.size(); i++) {
			int paths = nodes.size() * (permission.isWildcard(i) ? 1 : permission.alternatives(i).size());
			if (paths > MAX_PATHS) {
				if (this.unindexed == null) {
					this.unindexed = new ArrayList<>(1);
				}
				this.unindexed.add(new Held(permission, slot));
				return;
			}
			List<Node> next = new ArrayList<>(paths);
			for (Node node : nodes) {
				if (permission.isWildcard(i)) {
					next.add(node.wildcardChild());
				}
				else {
					for (String alternative : permission.alternatives(i)) {
						next.add(node.child(alternative));
					}
				}
			}
			nodes = next;
		}
		for (Node node : nodes) {
			if (node.terminal == NONE) {
				node.terminal = slot;
			}
		}
	}

	void freeze() {
		this.root.freeze();
	}

	int match(GrantImplication.Requested requested) {
		WildcardPermission permission = requested.permission();
		if (permission != null) {
			return match(permission);
		}
		Integer slot = (this.roles != null) ? this.roles.get(requested.role()) : null;
		return (slot != null) ? slot : NONE;
	}

	int match(WildcardPermission requested) {
		String[] parts = requested.plainParts();
		if (parts != null) {
			int slot = this.root.match(parts, 0);
			if (slot != NONE || this.unindexed == null) {
				return slot;
			}
			return scan(this.unindexed, requested);
		}
		return (this.held != null) ? scan(this.held, requested) : NONE;
	}

	private static int scan(List<Held> candidates, WildcardPermission requested) {
		for (Held candidate : candidates) {
			if (candidate.permission().implies(requested)) {
				return candidate.slot();
			}
		}
		return NONE;
	}

	private record Held(WildcardPermission permission, int slot) {
	}

	private static final class Node {

		private @Nullable Map<String, Node> children;

		// The children as frozen for matching: part, node, part, node... (a node has few
		// children: one array read and a few identity tests instead of a hash lookup)
		private @Nullable Object @Nullable [] frozen;

		private @Nullable Node wildcard;

		// A held permission ends here: it allows this path and everything below it
		private int terminal = NONE;

		// What a request ending here gets: this terminal, or one reached through
		// wildcards only
		private int end = NONE;

		Node child(String part) {
			if (this.children == null) {
				this.children = new HashMap<>(4);
			}
			return this.children.computeIfAbsent(part, (key) -> new Node());
		}

		// The frozen child of a part; parts of held and requested permissions are
		// interned, so a child is found by identity and a string is compared only on a
		// miss
		private @Nullable Node frozenChild(String part) {
			@Nullable Object[] frozen = this.frozen;
			if (frozen == null) {
				return null;
			}
			for (int i = 0; i < frozen.length; i += 2) {
				if (frozen[i] == part) {
					return (Node) frozen[i + 1];
				}
			}
			for (int i = 0; i < frozen.length; i += 2) {
				if (part.equals(frozen[i])) {
					return (Node) frozen[i + 1];
				}
			}
			return null;
		}

		Node wildcardChild() {
			if (this.wildcard == null) {
				this.wildcard = new Node();
			}
			return this.wildcard;
		}

		int freeze() {
			if (this.children != null) {
				@Nullable Object[] frozen = new Object[this.children.size() * 2];
				int i = 0;
				for (Map.Entry<String, Node> child : this.children.entrySet()) {
					child.getValue().freeze();
					frozen[i++] = child.getKey();
					frozen[i++] = child.getValue();
				}
				this.frozen = frozen;
			}
			int throughWildcard = (this.wildcard != null) ? this.wildcard.freeze() : NONE;
			this.end = (this.terminal != NONE) ? this.terminal : throughWildcard;
			return this.end;
		}

		int match(String[] parts, int index) {
			if (this.terminal != NONE) {
				return this.terminal;
			}
			if (index == parts.length) {
				return this.end;
			}
			Node child = frozenChild(parts[index]);
			if (child != null) {
				int slot = child.match(parts, index + 1);
				if (slot != NONE) {
					return slot;
				}
			}
			return (this.wildcard != null) ? this.wildcard.match(parts, index + 1) : NONE;
		}

	}

}
