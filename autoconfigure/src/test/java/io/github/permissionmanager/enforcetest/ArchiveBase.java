package io.github.permissionmanager.enforcetest;

import io.github.permissionmanager.RequiresPermissions;

/**
 * A guarded superclass method: overrides inherit its annotation.
 */
public abstract class ArchiveBase {

	@RequiresPermissions(value = "event:archive", fetch = "eventId")
	public abstract void archiveAll(long eventId);

}
