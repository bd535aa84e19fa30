package io.github.permissionmanager.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of list filtering ({@code PermissionFilters}).
 */
@ConfigurationProperties("permission-manager.filter")
public class PermissionFilterProperties {

	/**
	 * Most object ids one permission filter lists in an IN; for a subject holding a
	 * permission on more objects of a type, the filter looks its grants up in the grant
	 * table (a correlated EXISTS) instead, which needs the entities in the grant store's
	 * database. 0 always looks them up.
	 */
	private int maxObjectIds = 1000;

	public int getMaxObjectIds() {
		return this.maxObjectIds;
	}

	public void setMaxObjectIds(int maxObjectIds) {
		this.maxObjectIds = maxObjectIds;
	}

}
