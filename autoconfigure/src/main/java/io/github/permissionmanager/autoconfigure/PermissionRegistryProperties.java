package io.github.permissionmanager.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The permission registry ({@code permission-manager.permissions}): the permissions the
 * application names in annotations, rules, the catalog and roles.
 */
@ConfigurationProperties("permission-manager.permissions")
public class PermissionRegistryProperties {

	/**
	 * Whether a grant must name a role or a permission that an annotation, a rule, the
	 * catalog or a role names; others are refused.
	 */
	private boolean strict;

	public boolean isStrict() {
		return this.strict;
	}

	public void setStrict(boolean strict) {
		this.strict = strict;
	}

}
