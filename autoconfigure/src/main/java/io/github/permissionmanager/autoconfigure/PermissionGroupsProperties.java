package io.github.permissionmanager.autoconfigure;

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

}
