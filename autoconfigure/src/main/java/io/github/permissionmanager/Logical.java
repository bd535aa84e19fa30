package io.github.permissionmanager;

/**
 * How the permissions listed in {@link RequiresPermissions#value()} combine.
 */
public enum Logical {

	/** Every listed permission is required. */
	ALL,

	/** At least one listed permission is required. */
	ANY

}
