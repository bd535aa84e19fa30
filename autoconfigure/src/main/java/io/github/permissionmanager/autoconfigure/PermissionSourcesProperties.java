package io.github.permissionmanager.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationPropertiesSource;

/**
 * Decision sources beside the grant store: grants given in configuration and permissions
 * carried by a JWT claim. Their grants are united with the store's: an allow from any
 * source allows.
 */
@ConfigurationProperties("permission-manager")
public class PermissionSourcesProperties {

	/**
	 * Grants given in configuration (bootstrap administrators, tests, demos), each with
	 * user or group, permission, and optionally resource-type, resource-id, tenant, when
	 * (a condition), user-set and resource-set; validated at startup and never changed by
	 * revokes.
	 */
	private List<StaticGrant> staticGrants = new ArrayList<>();

	private final Jwt jwt = new Jwt();

	public List<StaticGrant> getStaticGrants() {
		return this.staticGrants;
	}

	public void setStaticGrants(List<StaticGrant> staticGrants) {
		this.staticGrants = staticGrants;
	}

	public Jwt getJwt() {
		return this.jwt;
	}

	/**
	 * Permissions from JWT claims.
	 */
	public static class Jwt {

		/**
		 * Claim whose values are permissions of the token's subject (global grants), such
		 * as permissions or scope; none when not set.
		 */
		private @Nullable String permissionsClaim;

		/**
		 * Prefix a claim value must start with to count as a permission, removed from it
		 * (perm: makes perm:doc:read the permission doc:read); empty for every value.
		 */
		private String permissionsPrefix = "";

		public @Nullable String getPermissionsClaim() {
			return this.permissionsClaim;
		}

		public void setPermissionsClaim(@Nullable String permissionsClaim) {
			this.permissionsClaim = permissionsClaim;
		}

		public String getPermissionsPrefix() {
			return this.permissionsPrefix;
		}

		public void setPermissionsPrefix(String permissionsPrefix) {
			this.permissionsPrefix = permissionsPrefix;
		}

	}

	/**
	 * One grant given in configuration.
	 */
	@ConfigurationPropertiesSource
	public static class StaticGrant {

		/**
		 * User the grant is given to; set this or group.
		 */
		private @Nullable String user;

		/**
		 * Group the grant is given to; set this or user.
		 */
		private @Nullable String group;

		/**
		 * Permission or role granted.
		 */
		private @Nullable String permission;

		/**
		 * Resource type the grant is limited to; every resource when not set.
		 */
		private @Nullable String resourceType;

		/**
		 * Object the grant is limited to (needs resource-type); every object of the type
		 * when not set.
		 */
		private @Nullable String resourceId;

		/**
		 * Tenant the grant is limited to; every tenant when not set.
		 */
		private @Nullable String tenant;

		/**
		 * Condition under which the grant applies (restricted SpEL over subject, resource
		 * and context); always when not set.
		 */
		private @Nullable String when;

		/**
		 * User set (permission-manager.user-sets) the subject must be in for the grant to
		 * apply; every subject when not set.
		 */
		private @Nullable String userSet;

		/**
		 * Resource set (permission-manager.resource-sets) the resource must be in for the
		 * grant to apply; every resource of the grant's scope when not set.
		 */
		private @Nullable String resourceSet;

		public @Nullable String getUser() {
			return this.user;
		}

		public void setUser(@Nullable String user) {
			this.user = user;
		}

		public @Nullable String getGroup() {
			return this.group;
		}

		public void setGroup(@Nullable String group) {
			this.group = group;
		}

		public @Nullable String getPermission() {
			return this.permission;
		}

		public void setPermission(@Nullable String permission) {
			this.permission = permission;
		}

		public @Nullable String getResourceType() {
			return this.resourceType;
		}

		public void setResourceType(@Nullable String resourceType) {
			this.resourceType = resourceType;
		}

		public @Nullable String getResourceId() {
			return this.resourceId;
		}

		public void setResourceId(@Nullable String resourceId) {
			this.resourceId = resourceId;
		}

		public @Nullable String getTenant() {
			return this.tenant;
		}

		public void setTenant(@Nullable String tenant) {
			this.tenant = tenant;
		}

		public @Nullable String getWhen() {
			return this.when;
		}

		public void setWhen(@Nullable String when) {
			this.when = when;
		}

		public @Nullable String getUserSet() {
			return this.userSet;
		}

		public void setUserSet(@Nullable String userSet) {
			this.userSet = userSet;
		}

		public @Nullable String getResourceSet() {
			return this.resourceSet;
		}

		public void setResourceSet(@Nullable String resourceSet) {
			this.resourceSet = resourceSet;
		}

	}

}
