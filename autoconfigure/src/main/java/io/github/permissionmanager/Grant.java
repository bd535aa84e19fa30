package io.github.permissionmanager;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * A permission (or a role) given to a user or a group, optionally scoped. Null scope
 * fields widen the grant: no type = every resource; a type without an id = every object
 * of that type; no tenant = every tenant. An expired grant never matches.
 *
 * <pre class="code">
 * grants.grant(Grant.of(Grantee.user("bob"), "coorganizer").on("event", 7));
 * </pre>
 *
 * @param grantee who receives it
 * @param permission the permission or role name
 * @param resourceType the resource type it is limited to, or {@code null} for all
 * @param resourceId the object it is limited to, or {@code null} for all of the type
 * @param tenant the tenant it is limited to, or {@code null} for all
 * @param expiresAt when it stops matching, or {@code null} for never
 */
public record Grant(Grantee grantee, String permission, @Nullable String resourceType, @Nullable String resourceId,
		@Nullable String tenant, @Nullable Instant expiresAt) {

	public Grant {
		Assert.notNull(grantee, "grantee cannot be null");
		Assert.hasText(permission, "permission cannot be empty");
		Assert.isTrue(resourceId == null || resourceType != null, "resourceId requires a resourceType");
		Assert.isTrue(resourceType == null || !resourceType.isEmpty(), "resourceType cannot be empty");
		Assert.isTrue(tenant == null || !tenant.isEmpty(), "tenant cannot be empty");
	}

	/**
	 * A global grant: every resource, every tenant, no expiry.
	 * @param grantee who receives it
	 * @param permission the permission or role name
	 * @return the grant
	 */
	public static Grant of(Grantee grantee, String permission) {
		return new Grant(grantee, permission, null, null, null, null);
	}

	/**
	 * This grant limited to every object of a type.
	 * @param type the resource type
	 * @return a new grant
	 */
	public Grant on(String type) {
		return new Grant(this.grantee, this.permission, type, null, this.tenant, this.expiresAt);
	}

	/**
	 * This grant limited to one object.
	 * @param type the resource type
	 * @param id the object id; its {@code toString()} is the id
	 * @return a new grant
	 */
	public Grant on(String type, Object id) {
		Assert.notNull(id, "id cannot be null");
		return new Grant(this.grantee, this.permission, type, id.toString(), this.tenant, this.expiresAt);
	}

	/**
	 * This grant limited to a tenant.
	 * @param tenant the tenant
	 * @return a new grant
	 */
	public Grant inTenant(String tenant) {
		return new Grant(this.grantee, this.permission, this.resourceType, this.resourceId, tenant, this.expiresAt);
	}

	/**
	 * This grant expiring at an instant.
	 * @param instant when it stops matching
	 * @return a new grant
	 */
	public Grant until(Instant instant) {
		return new Grant(this.grantee, this.permission, this.resourceType, this.resourceId, this.tenant, instant);
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
