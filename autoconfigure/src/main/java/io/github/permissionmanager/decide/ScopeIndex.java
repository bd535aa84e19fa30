package io.github.permissionmanager.decide;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.github.permissionmanager.Decision;
import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Resource;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The grants of one tenant scope of a {@link GrantSnapshot} (or of every tenant). Tries
 * are created for the scopes that have grants only, so a check skips the empty ones with
 * a null test.
 */
final class ScopeIndex {

	private @Nullable PermissionTrie global;

	private final Map<String, TypeIndex> types = new HashMap<>(4);

	void add(Grant grant, GrantImplication.Held held, GrantAllow allow, GrantImplication implication) {
		String resourceType = grant.resourceType();
		if (resourceType == null) {
			this.global = PermissionTrie.adding(this.global, held, allow, implication);
			return;
		}
		TypeIndex type = this.types.computeIfAbsent(resourceType, (key) -> new TypeIndex());
		String id = grant.resourceId();
		if (id == null) {
			type.typeWide = PermissionTrie.adding(type.typeWide, held, allow, implication);
			return;
		}
		type.objects.put(id, PermissionTrie.adding(type.objects.get(id), held, allow, implication));
	}

	void freeze() {
		if (this.global != null) {
			this.global.freeze();
		}
		for (TypeIndex type : this.types.values()) {
			if (type.typeWide != null) {
				type.typeWide.freeze();
			}
			type.objects.values().forEach(PermissionTrie::freeze);
		}
	}

	@Nullable Decision matchGlobal(GrantImplication.Requested permission) {
		return (this.global != null) ? this.global.match(permission) : null;
	}

	@Nullable Decision match(GrantImplication.Requested permission, Resource resource) {
		if (this.global != null) {
			Decision decision = this.global.match(permission);
			if (decision != null) {
				return decision;
			}
		}
		TypeIndex type = this.types.get(resource.type());
		if (type == null) {
			return null;
		}
		if (type.typeWide != null) {
			Decision decision = type.typeWide.match(permission);
			if (decision != null) {
				return decision;
			}
		}
		String id = resource.id();
		PermissionTrie object = (id != null) ? type.objects.get(id) : null;
		return (object != null) ? object.match(permission) : null;
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
		for (Map.Entry<String, PermissionTrie> object : index.objects.entrySet()) {
			Decision allow = object.getValue().match(permission);
			if (allow != null) {
				Grant grant = allow.grant();
				Assert.state(grant != null, "an allow of a snapshot names its grant");
				ids.add(object.getKey());
				permissions.add(grant.permission());
			}
		}
	}

	private static final class TypeIndex {

		private @Nullable PermissionTrie typeWide;

		private final Map<String, PermissionTrie> objects = new HashMap<>();

	}

}
