package io.github.permissionmanager.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a subject's groups are found besides the store's memberships
 * ({@code permission-manager.groups}).
 */
@ConfigurationProperties("permission-manager.groups")
public class PermissionGroupsProperties {

	/**
	 * Whether Spring Security authorities count as groups.
	 */
	private boolean fromAuthorities = true;

	/**
	 * Prefix an authority must have to count as a group; it is removed from the group
	 * name. Empty for every authority.
	 */
	private String authorityPrefix = "GROUP_";

	/**
	 * JWT claim holding group names: a list, or one string of names separated by spaces.
	 * A claim of that exact name is read first (Auth0's namespaced claims contain dots),
	 * else a dotted path into nested claims (Keycloak's realm_access.roles). None when
	 * unset.
	 */
	private @Nullable String claim;

	public boolean isFromAuthorities() {
		return this.fromAuthorities;
	}

	public void setFromAuthorities(boolean fromAuthorities) {
		this.fromAuthorities = fromAuthorities;
	}

	public String getAuthorityPrefix() {
		return this.authorityPrefix;
	}

	public void setAuthorityPrefix(String authorityPrefix) {
		this.authorityPrefix = authorityPrefix;
	}

	public @Nullable String getClaim() {
		return this.claim;
	}

	public void setClaim(@Nullable String claim) {
		this.claim = claim;
	}

}
