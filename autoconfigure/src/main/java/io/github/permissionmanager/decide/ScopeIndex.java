package io.github.permissionmanager.decide;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Resource;
import org.jspecify.annotations.Nullable;

/**
 * The grants of one tenant scope of a {@link GrantSnapshot} (or of every tenant). Tries
 * are created for the scopes that have grants only, so a check skips the empty ones with
 * a null test. Object grants are looked up in an {@link ObjectTable}, and a scope whose
 * grants name one resource type (the common case) holds that type's trie and table
 * itself: a check reads few objects that the previous check did not touch.
 * <p>
 * Filled by one snapshot's build, then frozen and only read.
 */
final class ScopeIndex {

	private @Nullable PermissionTrie global;

	// Keys interned: a type asked for with a string constant is found by identity
	private final Map<String, TypeIndex> types = new HashMap<>(4);

	// Set by freeze when the grants name exactly one resource type: that type, its
	// type-wide trie and its object table
	private @Nullable String soleType;

	private @Nullable PermissionTrie soleTypeWide;

	private @Nullable Object[] soleObjects = ObjectTable.empty();

	// The objects expected in the first type's table: the scope's grants, when known
	private int expectedObjects;

	/**
	 * Create a scope.
	 * @param expectedObjects the number of object grants it may get (a hint: the first
	 * type's table is sized for it, so the common scope of one type and many objects
	 * builds its table once)
	 */
	ScopeIndex(int expectedObjects) {
		this.expectedObjects = expectedObjects;
	}

	void add(Grant grant, GrantImplication.Held held, GrantAllow allow, GrantImplication implication) {
		String resourceType = grant.resourceType();
		if (resourceType == null) {
			this.global = PermissionTrie.adding(this.global, held, allow, implication);
			return;
		}
		TypeIndex type = this.types.get(resourceType);
		if (type == null) {
			type = new TypeIndex(this.expectedObjects);
			this.expectedObjects = 0;
			this.types.put(resourceType.intern(), type);
		}
		String id = grant.resourceId();
		if (id == null) {
			type.typeWide = PermissionTrie.adding(type.typeWide, held, allow, implication);
			return;
		}
		type.objects.add(id, held, allow, implication);
	}

	void freeze(GrantImplication implication) {
		if (this.global != null) {
			this.global.freeze();
		}
		for (TypeIndex type : this.types.values()) {
			if (type.typeWide != null) {
				type.typeWide.freeze();
			}
			type.table = type.objects.build(implication);
		}
		if (this.types.size() == 1) {
			Map.Entry<String, TypeIndex> only = this.types.entrySet().iterator().next();
			this.soleTypeWide = only.getValue().typeWide;
			this.soleObjects = only.getValue().table;
			this.soleType = only.getKey();
		}
	}

	@Nullable GrantAllow matchGlobal(GrantImplication.Requested permission) {
		return (this.global != null) ? this.global.allowing(permission) : null;
	}

	@Nullable GrantAllow match(GrantImplication.Requested permission, Resource resource) {
		return match(this.global, this.soleType, this.soleTypeWide, this.soleObjects, this, permission, resource);
	}

	/**
	 * What {@link #match} answers, from a scope's fields as given: the snapshot keeps
	 * those of its scope of every tenant in fields of its own, so a check reads them from
	 * the snapshot it has just read.
	 */
	static @Nullable GrantAllow match(@Nullable PermissionTrie global, @Nullable String soleType,
			@Nullable PermissionTrie soleTypeWide, @Nullable Object[] soleObjects, ScopeIndex scope,
			GrantImplication.Requested permission, Resource resource) {
		if (global != null) {
			GrantAllow allow = global.allowing(permission);
			if (allow != null) {
				return allow;
			}
		}
		String type = resource.type();
		PermissionTrie typeWide;
		@Nullable Object[] objects;
		if (soleType != null) {
			if (soleType != type && !soleType.equals(type)) {
				return null;
			}
			typeWide = soleTypeWide;
			objects = soleObjects;
		}
		else {
			TypeIndex index = scope.types.get(type);
			if (index == null) {
				return null;
			}
			typeWide = index.typeWide;
			objects = index.table;
		}
		if (typeWide != null) {
			GrantAllow allow = typeWide.allowing(permission);
			if (allow != null) {
				return allow;
			}
		}
		String id = resource.id();
		return (id != null) ? ObjectTable.allowing(objects, id, permission) : null;
	}

	@Nullable PermissionTrie global() {
		return this.global;
	}

	@Nullable String soleType() {
		return this.soleType;
	}

	@Nullable PermissionTrie soleTypeWide() {
		return this.soleTypeWide;
	}

	@Nullable Object[] soleObjects() {
		return this.soleObjects;
	}

	PermittedObjects permitted(GrantImplication.Requested permission, String type, Set<String> groups) {
		if (match(permission, Resource.ofType(type)) != null) {
			return PermittedObjects.every();
		}
		Set<String> ids = new LinkedHashSet<>();
		Set<String> permissions = new LinkedHashSet<>();
		collectObjects(permission, type, ids, permissions);
		return PermittedObjects.only(ids, permissions, groups);
	}

	// The objects the request is allowed on, and the permission of the grant that
	// allows each (the first one found: one per object is enough to find them again)
	void collectObjects(GrantImplication.Requested permission, String type, Set<String> ids, Set<String> permissions) {
		TypeIndex index = this.types.get(type);
		if (index == null) {
			return;
		}
		ObjectTable.collect(index.table, permission, ids, permissions);
	}

	private static final class TypeIndex {

		private @Nullable PermissionTrie typeWide;

		// The objects while the scope is filled
		private final ObjectTable.Builder objects;

		// The objects frozen for checks
		private @Nullable Object[] table = ObjectTable.empty();

		private TypeIndex(int expectedObjects) {
			this.objects = new ObjectTable.Builder(expectedObjects);
		}

	}

}
