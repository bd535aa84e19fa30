package io.github.permissionmanager.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of list filtering ({@code PermissionFilters}).
 */
@ConfigurationProperties("permission-manager.filter")
public class PermissionFilterProperties {

	/**
	 * Most object ids one permission filter compiles into an IN list; a subject holding a
	 * permission on more objects of a type than this fails the query (503) instead of
	 * sending an unbounded list. Grant such a permission on the whole type.
	 */
	private int maxObjectIds = 10_000;

	public int getMaxObjectIds() {
		return this.maxObjectIds;
	}

	public void setMaxObjectIds(int maxObjectIds) {
		this.maxObjectIds = maxObjectIds;
	}

}
