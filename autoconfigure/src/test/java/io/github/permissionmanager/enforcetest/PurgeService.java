package io.github.permissionmanager.enforcetest;

import io.github.permissionmanager.RequiresPermissions;

import org.springframework.stereotype.Service;

/**
 * Carries a type-level annotation of its own; the methods it overrides keep the
 * annotation of their interface or superclass, and a call from inside the bean is not
 * intercepted.
 */
@Service
@RequiresPermissions("event:list")
public class PurgeService extends ArchiveBase implements Purging {

	private final SideEffects sideEffects;

	PurgeService(SideEffects sideEffects) {
		this.sideEffects = sideEffects;
	}

	@Override
	public void purge(long eventId) {
		this.sideEffects.ran("purge " + eventId);
	}

	@Override
	public void archiveAll(long eventId) {
		this.sideEffects.ran("archive all " + eventId);
	}

	public void purgeThroughThis(long eventId) {
		// self-invocation: this call does not go through the proxy, so event:purge is not
		// checked
		this.purge(eventId);
	}

}
