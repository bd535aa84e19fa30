package io.github.permissionmanager.enforcetest;

import io.github.permissionmanager.RequiresPermissions;

/**
 * A guarded interface method: implementations inherit its annotation.
 */
public interface Purging {

	@RequiresPermissions(value = "event:purge", fetch = "eventId")
	void purge(long eventId);

}
