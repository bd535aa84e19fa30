package io.github.permissionmanager.enforcetest;

import io.github.permissionmanager.RequiresPermissions;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Guarded at the type level: every public handler needs {@code report:read} on its event,
 * except the one whose own annotation replaces the type's.
 */
@RestController
@RequiresPermissions(value = "report:read", fetch = "event_id")
class ReportController {

	private final SideEffects sideEffects;

	ReportController(SideEffects sideEffects) {
		this.sideEffects = sideEffects;
	}

	@GetMapping("/events/{event_id}/reports/attendance")
	public String attendance(@PathVariable("event_id") long id) {
		this.sideEffects.ran("attendance " + id);
		return "attendance";
	}

	@GetMapping("/events/{event_id}/reports/revenue")
	@RequiresPermissions(value = "report:finance", fetch = "event_id")
	public String revenue(@PathVariable("event_id") long id) {
		this.sideEffects.ran("revenue " + id);
		return "revenue";
	}

}
