package io.github.permissionmanager.decide;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.permissionmanager.Decision;
import org.jspecify.annotations.Nullable;

/**
 * The permissions held in one scope (a tenant, a type, an object), indexed by part so
 * that a plain requested permission ({@code session:update}) is matched with one hash
 * lookup per part instead of a scan of every grant. Requested permissions that carry
 * wildcards or alternatives are rare and take the slow path: Shiro's {@code implies}
 * against each held permission.
 * <p>
 * The index (a {@link Shape}) answers the slot of the first grant that implies the
 * request, and the trie maps slots to the {@link GrantAllow}s of its grants. A scope with
 * one grant, which is what most objects of a snapshot are, shares the shape every grant
 * of the same permission or role has (built once, then only read); a scope with more
 * builds its own. Built once per snapshot, then only read, so a match allocates nothing.
 */
final class PermissionTrie {

	// Beyond this many paths a permission with many alternatives is only scanned, not
	// indexed
	private static final int MAX_PATHS = 256;

	private static final int NONE = -1;

	private static final GrantAllow[] NO_ALLOWS = {};

	private Shape shape;

	// The held of the only grant while the shape is shared: a second grant needs a shape
	// of its own, built from both
	private GrantImplication.@Nullable Held shared;

	private GrantAllow[] allows;

	PermissionTrie() {
		this.shape = new Shape();
		this.allows = NO_ALLOWS;
	}

	private PermissionTrie(Shape shape, GrantImplication.Held held, GrantAllow allow) {
		this.shape = shape;
		this.shared = held;
		this.allows = new GrantAllow[] { allow };
	}

	/**
	 * Add a grant to a trie, or start one with it.
	 * @param trie the trie, or {@code null} for none yet
	 * @param held what the grant holds
	 * @param allow the allow a match of it answers
	 * @param implication where the shared shapes of one grant are kept
	 * @return the trie
	 */
	static PermissionTrie adding(@Nullable PermissionTrie trie, GrantImplication.Held held, GrantAllow allow,
			GrantImplication implication) {
		if (trie == null) {
			return new PermissionTrie(implication.shape(held), held, allow);
		}
		trie.add(held, allow);
		return trie;
	}

	/**
	 * Add what one grant holds: its permissions and its roles.
	 * @param held what the grant holds
	 * @param allow the allow a match of it answers
	 */
	void add(GrantImplication.Held held, GrantAllow allow) {
		ownShape();
		this.shape.add(held, slot(allow));
	}

	void add(WildcardPermission permission, GrantAllow allow) {
		ownShape();
		this.shape.add(permission, slot(allow));
	}

	private int slot(GrantAllow allow) {
		int slot = this.allows.length;
		this.allows = Arrays.copyOf(this.allows, slot + 1);
		this.allows[slot] = allow;
		return slot;
	}

	private void ownShape() {
		GrantImplication.Held first = this.shared;
		if (first != null) {
			Shape own = new Shape();
			own.add(first, 0);
			this.shape = own;
			this.shared = null;
		}
	}

	/**
	 * Finish building: work out, for each node, which grant a request ending there gets
	 * through trailing wildcards ({@code event:*} allows {@code event}).
	 */
	void freeze() {
		if (this.shared == null) {
			this.shape.freeze();
		}
	}

	/**
	 * The allow of a held grant that implies the request, or {@code null}.
	 * @param requested the requested permission or role
	 * @return the allow, or {@code null}
	 */
	@Nullable Decision match(GrantImplication.Requested requested) {
		return allow(this.shape.match(requested));
	}

	@Nullable Decision match(WildcardPermission requested) {
		return allow(this.shape.match(requested));
	}

	private @Nullable Decision allow(int slot) {
		return (slot != NONE) ? this.allows[slot].decision() : null;
	}

	/**
	 * The index of what some grants hold, answering slots: the order the grants were
	 * added in. Frozen shapes are only read, so one can be shared by many tries.
	 */
	static final class Shape {

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
		static Shape of(GrantImplication.Held held) {
			Shape shape = new Shape();
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

	}

	private record Held(WildcardPermission permission, int slot) {
	}

	private static final class Node {

		private @Nullable Map<String, Node> children;

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

		Node wildcardChild() {
			if (this.wildcard == null) {
				this.wildcard = new Node();
			}
			return this.wildcard;
		}

		int freeze() {
			if (this.children != null) {
				for (Node child : this.children.values()) {
					child.freeze();
				}
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
			if (this.children != null) {
				Node child = this.children.get(parts[index]);
				if (child != null) {
					int slot = child.match(parts, index + 1);
					if (slot != NONE) {
						return slot;
					}
				}
			}
			return (this.wildcard != null) ? this.wildcard.match(parts, index + 1) : NONE;
		}

	}

}
