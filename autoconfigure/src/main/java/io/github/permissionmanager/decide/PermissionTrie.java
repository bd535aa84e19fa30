package io.github.permissionmanager.decide;

import java.util.ArrayList;
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
 * Built once per snapshot, then only read: every terminal holds the {@link GrantAllow} of
 * its grant, so a match allocates nothing.
 */
final class PermissionTrie {

	// Beyond this many paths a permission with many alternatives is only scanned, not
	// indexed
	private static final int MAX_PATHS = 256;

	private final Node root = new Node();

	// Built when first needed: a snapshot holds one trie per object it has grants on
	private @Nullable List<Held> held;

	private @Nullable List<Held> unindexed;

	// The roles held here (role grants hold their role and the roles it includes); a
	// role is matched by name only, never as a permission pattern
	private @Nullable Map<String, GrantAllow> roles;

	/**
	 * Add what one grant holds: its permissions and its roles.
	 * @param held what the grant holds
	 * @param allow the allow a match of it answers
	 */
	void add(GrantImplication.Held held, GrantAllow allow) {
		for (WildcardPermission permission : held.permissions()) {
			add(permission, allow);
		}
		for (String role : held.roles()) {
			if (this.roles == null) {
				this.roles = new HashMap<>(4);
			}
			this.roles.putIfAbsent(role, allow);
		}
	}

	void add(WildcardPermission permission, GrantAllow allow) {
		if (this.held == null) {
			this.held = new ArrayList<>(4);
		}
		this.held.add(new Held(permission, allow));
		List<Node> nodes = List.of(this.root);
		for (int i = 0; i < permission.size(); i++) {
			int paths = nodes.size() * (permission.isWildcard(i) ? 1 : permission.alternatives(i).size());
			if (paths > MAX_PATHS) {
				if (this.unindexed == null) {
					this.unindexed = new ArrayList<>(1);
				}
				this.unindexed.add(new Held(permission, allow));
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
			if (node.terminal == null) {
				node.terminal = allow;
			}
		}
	}

	/**
	 * Finish building: work out, for each node, which allow a request ending there gets
	 * through trailing wildcards ({@code event:*} allows {@code event}).
	 */
	void freeze() {
		this.root.freeze();
	}

	boolean isEmpty() {
		return this.held == null && this.roles == null;
	}

	/**
	 * The allow of a held grant that implies the request, or {@code null}.
	 * @param requested the requested permission or role
	 * @return the allow, or {@code null}
	 */
	@Nullable Decision match(GrantImplication.Requested requested) {
		WildcardPermission permission = requested.permission();
		GrantAllow allow;
		if (permission != null) {
			allow = matchAllow(permission);
		}
		else {
			allow = (this.roles != null) ? this.roles.get(requested.role()) : null;
		}
		return (allow != null) ? allow.decision() : null;
	}

	@Nullable Decision match(WildcardPermission requested) {
		GrantAllow allow = matchAllow(requested);
		return (allow != null) ? allow.decision() : null;
	}

	private @Nullable GrantAllow matchAllow(WildcardPermission requested) {
		String[] parts = requested.plainParts();
		if (parts != null) {
			GrantAllow allow = this.root.match(parts, 0);
			if (allow != null || this.unindexed == null) {
				return allow;
			}
			return scan(this.unindexed, requested);
		}
		return (this.held != null) ? scan(this.held, requested) : null;
	}

	private static @Nullable GrantAllow scan(List<Held> candidates, WildcardPermission requested) {
		for (Held candidate : candidates) {
			if (candidate.permission().implies(requested)) {
				return candidate.allow();
			}
		}
		return null;
	}

	private record Held(WildcardPermission permission, GrantAllow allow) {
	}

	private static final class Node {

		private @Nullable Map<String, Node> children;

		private @Nullable Node wildcard;

		// A held permission ends here: it allows this path and everything below it
		private @Nullable GrantAllow terminal;

		// What a request ending here gets: this terminal, or one reached through
		// wildcards only
		private @Nullable GrantAllow end;

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

		@Nullable GrantAllow freeze() {
			if (this.children != null) {
				for (Node child : this.children.values()) {
					child.freeze();
				}
			}
			GrantAllow throughWildcard = (this.wildcard != null) ? this.wildcard.freeze() : null;
			this.end = (this.terminal != null) ? this.terminal : throughWildcard;
			return this.end;
		}

		@Nullable GrantAllow match(String[] parts, int index) {
			if (this.terminal != null) {
				return this.terminal;
			}
			if (index == parts.length) {
				return this.end;
			}
			if (this.children != null) {
				Node child = this.children.get(parts[index]);
				if (child != null) {
					GrantAllow decision = child.match(parts, index + 1);
					if (decision != null) {
						return decision;
					}
				}
			}
			return (this.wildcard != null) ? this.wildcard.match(parts, index + 1) : null;
		}

	}

}
