package io.github.permissionmanager.enforcetest;

import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.RequiresPermissions;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * A plain service bean guarded by {@code @RequiresPermissions}, called with or without an
 * HTTP request.
 */
@Service
public class EventService {

	private final SideEffects sideEffects;

	EventService(SideEffects sideEffects) {
		this.sideEffects = sideEffects;
	}

	@RequiresPermissions(value = "event:archive", fetch = "eventId")
	public void archive(@Nullable Long eventId) {
		this.sideEffects.ran("service archive " + eventId);
	}

	@RequiresPermissions(value = "event:read", fetch = "eventId", optional = "event:update")
	public String describe(long eventId, PermissionContext context) {
		this.sideEffects.ran("service describe " + eventId);
		return "update=" + context.isGranted("event:update");
	}

	@RequiresPermissions(value = "event:export", fetch = "eventId", methods = "GET")
	public void export(long eventId) {
		this.sideEffects.ran("service export " + eventId);
	}

}
