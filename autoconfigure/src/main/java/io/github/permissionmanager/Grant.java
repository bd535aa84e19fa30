package io.github.permissionmanager;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * A permission (or a role) given to a user or a group, optionally scoped. Null scope
 * fields widen the grant: no type = every resource; a type without an id = every object
 * of that type; no tenant = every tenant. An expired grant never matches.
 * <p>
 * A grant may carry a condition ({@link #when(String)}): restricted SpEL over
 * {@code subject}, {@code resource} and {@code context} (their attributes by name, plus
 * {@code subject.id}, {@code resource.type}, {@code resource.id},
 * {@code resource.tenant}) that must evaluate to {@code true} for the grant to apply. A
 * condition that fails, reads a missing attribute or answers anything but a boolean means
 * the grant does not apply. The condition is part of the grant's identity: a revoke names
 * it too.
 *
 * <pre class="code">
 * grants.grant(Grant.of(Grantee.user("bob"), "coorganizer").on("event", 7));
 * grants.grant(Grant.of(Grantee.group("editors"), "document:update").on("document")
 * 	.when("resource.status == 'draft' and subject.department == resource.department"));
 * </pre>
 *
 * @param grantee who receives it
 * @param permission the permission or role name
 * @param resourceType the resource type it is limited to, or {@code null} for all
 * @param resourceId the object it is limited to, or {@code null} for all of the type
 * @param tenant the tenant it is limited to, or {@code null} for all
 * @param expiresAt when it stops matching, or {@code null} for never
 * @param condition the condition under which it applies, or {@code null} for always
 */
public record Grant(Grantee grantee, String permission, @Nullable String resourceType, @Nullable String resourceId,
		@Nullable String tenant, @Nullable Instant expiresAt, @Nullable String condition) {

	public Grant {
		Assert.notNull(grantee, "grantee cannot be null");
		Assert.hasText(permission, "permission cannot be empty");
		Assert.isTrue(resourceId == null || resourceType != null, "resourceId requires a resourceType");
		Assert.isTrue(resourceType == null || !resourceType.isEmpty(), "resourceType cannot be empty");
		Assert.isTrue(tenant == null || !tenant.isEmpty(), "tenant cannot be empty");
		Assert.isTrue(condition == null || !condition.isBlank(), "condition cannot be blank");
	}

	/**
	 * A grant that always applies (no condition).
	 * @param grantee who receives it
	 * @param permission the permission or role name
	 * @param resourceType the resource type it is limited to, or {@code null} for all
	 * @param resourceId the object it is limited to, or {@code null} for all of the type
	 * @param tenant the tenant it is limited to, or {@code null} for all
	 * @param expiresAt when it stops matching, or {@code null} for never
	 */
	public Grant(Grantee grantee, String permission, @Nullable String resourceType, @Nullable String resourceId,
			@Nullable String tenant, @Nullable Instant expiresAt) {
		this(grantee, permission, resourceType, resourceId, tenant, expiresAt, null);
	}

	/**
	 * A global grant: every resource, every tenant, no expiry.
	 * @param grantee who receives it
	 * @param permission the permission or role name
	 * @return the grant
	 */
	public static Grant of(Grantee grantee, String permission) {
		return new Grant(grantee, permission, null, null, null, null, null);
	}

	/**
	 * This grant limited to every object of a type.
	 * @param type the resource type
	 * @return a new grant
	 */
	public Grant on(String type) {
		return new Grant(this.grantee, this.permission, type, null, this.tenant, this.expiresAt, this.condition);
	}

	/**
	 * This grant limited to one object.
	 * @param type the resource type
	 * @param id the object id; its {@code toString()} is the id
	 * @return a new grant
	 */
	public Grant on(String type, Object id) {
		Assert.notNull(id, "id cannot be null");
		return new Grant(this.grantee, this.permission, type, id.toString(), this.tenant, this.expiresAt,
				this.condition);
	}

	/**
	 * This grant limited to a tenant.
	 * @param tenant the tenant
	 * @return a new grant
	 */
	public Grant inTenant(String tenant) {
		return new Grant(this.grantee, this.permission, this.resourceType, this.resourceId, tenant, this.expiresAt,
				this.condition);
	}

	/**
	 * This grant expiring at an instant.
	 * @param instant when it stops matching
	 * @return a new grant
	 */
	public Grant until(Instant instant) {
		return new Grant(this.grantee, this.permission, this.resourceType, this.resourceId, this.tenant, instant,
				this.condition);
	}

	/**
	 * This grant applying only when a condition holds. The condition is checked when the
	 * grant is given (it must parse and use only what conditions may: no types, beans,
	 * constructors or assignments), and evaluated at every check it could allow.
	 * @param condition restricted SpEL over {@code subject}, {@code resource} and
	 * {@code context}, such as {@code resource.status == 'draft'}
	 * @return a new grant
	 */
	public Grant when(String condition) {
		Assert.hasText(condition, "condition cannot be empty");
		return new Grant(this.grantee, this.permission, this.resourceType, this.resourceId, this.tenant, this.expiresAt,
				condition);
	}

	/**
	 * Whether this grant applies only under a condition.
	 * @return whether it has one
	 */
	public boolean isConditional() {
		return this.condition != null;
	}

	/**
	 * Whether this grant has expired at the given instant.
	 * @param now the instant to compare with
	 * @return whether it no longer matches
	 */
	public boolean isExpiredAt(Instant now) {
		return this.expiresAt != null && !this.expiresAt.isAfter(now);
	}

}
