package io.github.permissionmanager.decide;

import java.util.Arrays;

import io.github.permissionmanager.Decision;
import org.jspecify.annotations.Nullable;

/**
 * The permissions held in one scope (a tenant, a type, an object), indexed by part so
 * that a plain requested permission ({@code session:update}) is matched with one hash
 * lookup per part instead of a scan of every grant. Requested permissions that carry
 * wildcards or alternatives are rare and take the slow path: Shiro's {@code implies}
 * against each held permission.
 * <p>
 * The index (a {@link TrieShape}) answers the slot of the first grant that implies the
 * request, and the trie maps slots to the {@link GrantAllow}s of its grants. A scope with
 * one grant, which is what most objects of a snapshot are, shares the shape every grant
 * of the same permission or role has (built once, then only read); a scope with more
 * builds its own. Built once per snapshot, then only read, so a match allocates nothing.
 */
final class PermissionTrie {

	private static final int NONE = TrieShape.NONE;

	private static final GrantAllow[] NO_ALLOWS = {};

	private TrieShape shape;

	// The held of the only grant while the shape is shared: a second grant needs a shape
	// of its own, built from both
	private GrantImplication.@Nullable Held shared;

	private GrantAllow[] allows;

	// allows[0], read without loading the array: most tries hold one grant
	private @Nullable GrantAllow first;

	PermissionTrie() {
		this.shape = new TrieShape();
		this.allows = NO_ALLOWS;
	}

	private PermissionTrie(TrieShape shape, GrantImplication.Held held, GrantAllow allow) {
		this.shape = shape;
		this.shared = held;
		this.allows = new GrantAllow[] { allow };
		this.first = allow;
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
		if (slot == 0) {
			this.first = allow;
		}
		return slot;
	}

	private void ownShape() {
		GrantImplication.Held first = this.shared;
		if (first != null) {
			TrieShape own = new TrieShape();
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
		GrantAllow allow = allowing(requested);
		return (allow != null) ? allow.decision() : null;
	}

	@Nullable Decision match(WildcardPermission requested) {
		GrantAllow allow = allowAt(this.shape.match(requested));
		return (allow != null) ? allow.decision() : null;
	}

	/**
	 * The held grant that implies the request, without building its decision.
	 * @param requested the requested permission or role
	 * @return the grant's allow, or {@code null}
	 */
	@Nullable GrantAllow allowing(GrantImplication.Requested requested) {
		return allowAt(this.shape.match(requested));
	}

	/**
	 * The index of what this trie holds.
	 * @return the shape, answering slots
	 */
	TrieShape shape() {
		return this.shape;
	}

	/**
	 * The allow of the only grant, which every slot the shape answers is.
	 * @return the allow, or {@code null} when the trie holds several grants (or none)
	 */
	@Nullable GrantAllow soleAllow() {
		return (this.allows.length == 1) ? this.first : null;
	}

	private @Nullable GrantAllow allowAt(int slot) {
		if (slot == 0) {
			return this.first;
		}
		return (slot != NONE) ? this.allows[slot] : null;
	}

}
