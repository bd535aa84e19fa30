package io.github.permissionmanager.decide;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.permissionmanager.Decision;
import io.github.permissionmanager.Grant;
import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogMessage;
import org.springframework.expression.Expression;

/**
 * Everything one subject holds, indexed by scope: tenant, then resource type, then object
 * id, each with a {@link PermissionTrie}. A check looks at no more than six scopes (every
 * tenant or the resource's; everything, the whole type or the object), each a hash
 * lookup. Expired grants are left out; the snapshot stops being valid when its first
 * grant expires. Conditional grants are kept apart ({@link ConditionalGrants}), read by
 * checks only, and only when no unconditional grant allows.
 */
final class GrantSnapshot {

	private static final Log logger = LogFactory.getLog(GrantSnapshot.class);

	// Lists answered per snapshot at most: list filters ask the same few on every page
	private static final int MAX_LISTS = 32;

	private final String user;

	private final Set<String> groups;

	private final long loadedAt;

	private final long loadedNanos;

	private final long validUntilMillis;

	private final ScopeIndex anyTenant;

	// The fields of anyTenant a check reads, copied here: one object fewer to read
	private final @Nullable PermissionTrie anyGlobal;

	private final @Nullable String anySoleType;

	private final @Nullable PermissionTrie anySoleTypeWide;

	private final @Nullable Object[] anySoleObjects;

	private final Map<String, ScopeIndex> tenants;

	// Only when the subject holds conditional grants: a check of any other subject reads
	// one null field more
	private final @Nullable ConditionalGrants conditional;

	// The generation at which this snapshot was last found current: a fast path for
	// checks
	private volatile long validatedAt = -1;

	// The lists of objects answered from this snapshot (immutable, as the snapshot is):
	// every page of a filtered list asks again, and a changed grant, group or expiry
	// means another snapshot, which answers anew
	private final Map<ListKey, Object> lists = new ConcurrentHashMap<>();

	private GrantSnapshot(String user, Set<String> groups, long loadedAt, long loadedNanos, long validUntilMillis,
			ScopeIndex anyTenant, Map<String, ScopeIndex> tenants, @Nullable ConditionalGrants conditional) {
		this.user = user;
		this.groups = groups;
		this.loadedAt = loadedAt;
		this.loadedNanos = loadedNanos;
		this.validUntilMillis = validUntilMillis;
		this.anyTenant = anyTenant;
		this.anyGlobal = anyTenant.global();
		this.anySoleType = anyTenant.soleType();
		this.anySoleTypeWide = anyTenant.soleTypeWide();
		this.anySoleObjects = anyTenant.soleObjects();
		this.tenants = tenants;
		this.conditional = conditional;
	}

	static GrantSnapshot build(String user, Set<String> subjectGroups, SubjectGrants loaded,
			GrantImplication implication, long loadedAt, long loadedNanos, long nowMillis) {
		// most subjects carry no groups and the store lists them in none
		Set<String> groups = Set.of();
		if (!subjectGroups.isEmpty() || !loaded.storeGroups().isEmpty()) {
			groups = new LinkedHashSet<>(subjectGroups);
			groups.addAll(loaded.storeGroups());
			groups = Collections.unmodifiableSet(groups);
		}
		// sized for every grant loaded: most are object grants in every tenant, of one
		// type
		ScopeIndex anyTenant = new ScopeIndex(loaded.grants().size());
		Map<String, ScopeIndex> tenants = new HashMap<>();
		ConditionalGrants conditional = null;
		long validUntil = Long.MAX_VALUE;
		for (Grant grant : loaded.grants()) {
			if (!SubjectGrants.inForce(grant, user, groups, nowMillis)) {
				continue;
			}
			if (grant.expiresAt() != null) {
				validUntil = Math.min(validUntil, grant.expiresAt().toEpochMilli());
			}
			GrantImplication.Held held;
			try {
				held = implication.held(grant.permission());
			}
			catch (IllegalArgumentException ex) {
				// A stored grant that cannot be parsed allows nothing
				logger.warn(LogMessage.format("Ignoring grant %s: %s", grant, ex.getMessage()));
				continue;
			}
			String condition = grant.condition();
			if (condition != null) {
				Expression parsed;
				try {
					parsed = implication.conditions().parsed(condition);
				}
				catch (RuntimeException ex) {
					// A stored condition that cannot be parsed (written around the API)
					// allows nothing
					logger.warn(LogMessage.format("Ignoring grant %s: %s", grant, ex.getMessage()));
					continue;
				}
				if (conditional == null) {
					conditional = new ConditionalGrants();
				}
				conditional.add(grant, held, parsed, loaded.sourceOf(grant));
				continue;
			}
			ScopeIndex scope = (grant.tenant() != null)
					? tenants.computeIfAbsent(grant.tenant(), (tenant) -> new ScopeIndex(0)) : anyTenant;
			scope.add(grant, held, new GrantAllow(grant, held.role(), loaded.sourceOf(grant)), implication);
		}
		anyTenant.freeze(implication);
		for (ScopeIndex tenant : tenants.values()) {
			tenant.freeze(implication);
		}
		return new GrantSnapshot(user, groups, loadedAt, loadedNanos, validUntil, anyTenant, tenants, conditional);
	}

	/**
	 * The allow of the first unconditional grant found that covers the request, or
	 * {@code null}: what lists of objects are built from, so they never count on a
	 * condition.
	 * @param permission the requested permission
	 * @param resource the resource, or {@code null} for an unscoped check, which only
	 * grants with no resource type and no tenant can allow
	 * @return the allow, or {@code null} when no grant covers it
	 */
	@Nullable Decision match(GrantImplication.Requested permission, @Nullable Resource resource) {
		GrantAllow allow = allowing(permission, resource);
		return (allow != null) ? allow.decision() : null;
	}

	/**
	 * The first grant found that covers the request, as {@link #match} finds it, without
	 * building its decision.
	 * @param permission the requested permission
	 * @param resource the resource, or {@code null} for an unscoped check
	 * @return the grant's allow, or {@code null} when no grant covers it
	 */
	@Nullable GrantAllow allowing(GrantImplication.Requested permission, @Nullable Resource resource) {
		if (resource == null) {
			return this.anyTenant.matchGlobal(permission);
		}
		GrantAllow allow = ScopeIndex.match(this.anyGlobal, this.anySoleType, this.anySoleTypeWide, this.anySoleObjects,
				this.anyTenant, permission, resource);
		if (allow == null && resource.tenant() != null) {
			ScopeIndex tenant = this.tenants.get(resource.tenant());
			if (tenant != null) {
				allow = tenant.match(permission, resource);
			}
		}
		return allow;
	}

	/**
	 * The allow of the first grant found that covers the request: an unconditional one,
	 * else a conditional one whose condition holds.
	 * @param permission the requested permission
	 * @param resource the resource, or {@code null} for an unscoped check
	 * @param subject who asks
	 * @param context what was resolved for the call
	 * @param inputs what conditions read, built only when a conditional grant covers the
	 * request
	 * @return the allow, or {@code null} when no grant allows it
	 */
	@Nullable Decision allow(GrantImplication.Requested permission, @Nullable Resource resource, Subject subject,
			PermissionContext context, ConditionalGrants.Inputs inputs) {
		GrantAllow allow = allowing(permission, resource, subject, context, inputs);
		return (allow != null) ? allow.decision() : null;
	}

	/**
	 * The grant that {@link #allow} answers the allow of, without building its decision.
	 * @param permission the requested permission
	 * @param resource the resource, or {@code null} for an unscoped check
	 * @param subject who asks
	 * @param context what was resolved for the call
	 * @param inputs what conditions read
	 * @return the grant's allow, or {@code null} when no grant allows it
	 */
	@Nullable GrantAllow allowing(GrantImplication.Requested permission, @Nullable Resource resource, Subject subject,
			PermissionContext context, ConditionalGrants.Inputs inputs) {
		GrantAllow allow = allowing(permission, resource);
		return (allow != null) ? allow : conditionalAllowing(permission, resource, subject, context, inputs);
	}

	/**
	 * The allow of the first conditional grant found that covers the request and whose
	 * condition holds, or {@code null}: what a check asks when no unconditional grant
	 * allows.
	 * @param permission the requested permission
	 * @param resource the resource, or {@code null} for an unscoped check
	 * @param subject who asks
	 * @param context what was resolved for the call
	 * @param inputs what conditions read
	 * @return the grant's allow, or {@code null} when none allows it
	 */
	@Nullable GrantAllow conditionalAllowing(GrantImplication.Requested permission, @Nullable Resource resource, Subject subject,
			PermissionContext context, ConditionalGrants.Inputs inputs) {
		return (this.conditional != null) ? this.conditional.match(permission, resource, subject, context, inputs)
				: null;
	}

	/**
	 * The conditional grants that cover a request, whatever their conditions, for the
	 * memo to keep with it.
	 * @param permission the requested permission
	 * @param resource the resource, or {@code null} for an unscoped check
	 * @return the grants, or {@code null} when none covers it
	 */
	ConditionalGrants.@Nullable Covering covering(GrantImplication.Requested permission, @Nullable Resource resource) {
		return (this.conditional != null) ? this.conditional.covering(permission, resource) : null;
	}

	/**
	 * What each conditional grant covering a request made of its condition.
	 */
	List<String> explainConditions(GrantImplication.Requested permission, @Nullable Resource resource, Subject subject,
			PermissionContext context, ConditionalGrants.Inputs inputs) {
		return (this.conditional != null) ? this.conditional.explain(permission, resource, subject, context, inputs)
				: List.of();
	}

	/**
	 * The ids of the objects of a type that object grants allow; type-wide and global
	 * grants are not listed.
	 */
	Set<String> objectIds(GrantImplication.Requested permission, String type, @Nullable String tenant) {
		return objects(permission, type, tenant).ids();
	}

	/**
	 * Which objects of a type the request would be allowed on, exactly as {@link #match}
	 * answers for each of them: every object when a global or type-wide grant (in every
	 * tenant or the given one) covers it, else the objects named by object grants.
	 */
	PermittedObjects permitted(GrantImplication.Requested permission, String type, @Nullable String tenant) {
		ListKey key = new ListKey(false, permission.text(), type, tenant);
		if (this.lists.get(key) instanceof PermittedObjects listed) {
			return listed;
		}
		PermittedObjects objects = (allowing(permission, Resource.ofType(type).withTenant(tenant)) != null)
				? PermittedObjects.every() : objects(permission, type, tenant);
		return remember(key, objects);
	}

	private <T> T remember(ListKey key, T answer) {
		if (this.lists.size() < MAX_LISTS) {
			this.lists.putIfAbsent(key, answer);
		}
		return answer;
	}

	private PermittedObjects objects(GrantImplication.Requested permission, String type, @Nullable String tenant) {
		Set<String> ids = new LinkedHashSet<>();
		Set<String> permissions = new LinkedHashSet<>();
		this.anyTenant.collectObjects(permission, type, ids, permissions);
		if (tenant != null) {
			ScopeIndex scope = this.tenants.get(tenant);
			if (scope != null) {
				scope.collectObjects(permission, type, ids, permissions);
			}
		}
		return PermittedObjects.only(ids, permissions, this.groups);
	}

	/**
	 * What {@link #permitted} answers for every tenant at once: the grants in every
	 * tenant, and those of each tenant that allow something.
	 */
	PermittedObjectsByTenant permittedByTenant(GrantImplication.Requested permission, String type) {
		ListKey key = new ListKey(true, permission.text(), type, null);
		if (this.lists.get(key) instanceof PermittedObjectsByTenant listed) {
			return listed;
		}
		PermittedObjects everyTenant = this.anyTenant.permitted(permission, type, this.groups);
		Map<String, PermittedObjects> byTenant = new HashMap<>();
		if (!everyTenant.all()) {
			this.tenants.forEach((tenant, scope) -> {
				PermittedObjects objects = scope.permitted(permission, type, this.groups);
				if (objects.all() || !objects.ids().isEmpty()) {
					byTenant.put(tenant, objects);
				}
			});
		}
		return remember(key, new PermittedObjectsByTenant(everyTenant, byTenant));
	}

	String user() {
		return this.user;
	}

	Set<String> groups() {
		return this.groups;
	}

	long loadedAt() {
		return this.loadedAt;
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

	private record ListKey(boolean byTenant, String permission, String type, @Nullable String tenant) {
	}

}
