package io.github.permissionmanager.enforcetest;

import java.util.TreeSet;

import io.github.permissionmanager.Logical;
import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.RequiresPermissions;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Endpoints resolving {@code event_id} from each source in turn, and using every rule
 * attribute. Each body records that it ran.
 */
@RestController
class EventController {

	private final SideEffects sideEffects;

	private final EventService eventService;

	EventController(SideEffects sideEffects, EventService eventService) {
		this.sideEffects = sideEffects;
		this.eventService = eventService;
	}

	@GetMapping("/events/{event_id}")
	@RequiresPermissions(value = "event:read", fetch = "event_id")
	String byPathVariableName(@PathVariable("event_id") long id) {
		return ran("read " + id);
	}

	@GetMapping("/named/{eventId}")
	@RequiresPermissions(value = "event:read", fetch = "eventId")
	String byArgumentName(@PathVariable long eventId) {
		return ran("named " + eventId);
	}

	@GetMapping("/search")
	@RequiresPermissions(value = "event:read", fetch = "event_id")
	String byRequestParamName(@RequestParam("event_id") String event) {
		return ran("search " + event);
	}

	@GetMapping("/events/{event_id}/summary")
	@RequiresPermissions(value = "event:read", fetch = "event_id")
	String byUriVariable() {
		return ran("summary");
	}

	@GetMapping(path = "/report", params = "event_id")
	@RequiresPermissions(value = "event:read", fetch = "event_id")
	String byRequestParameter() {
		return ran("report");
	}

	@GetMapping("/alternatives")
	@RequiresPermissions(value = "event:read", fetch = { "event_id", "eventId" })
	String firstKeyPresentWins(@RequestParam(name = "event_id", required = false) Long snake,
			@RequestParam(required = false) Long eventId, PermissionContext context) {
		return ran("alternatives " + context.values());
	}

	@GetMapping("/events/{event_id}/copy")
	@RequiresPermissions(value = "event:read", fetch = "event_id")
	String argumentBeforeUriVariable(@RequestParam("event_id") long target) {
		return ran("copy to " + target);
	}

	@PostMapping("/events/{event_id}/publish")
	@RequiresPermissions(value = "event:publish", fetch = "event_id")
	String publish(@PathVariable("event_id") long id) {
		return ran("publish " + id);
	}

	@DeleteMapping("/events/{event_id}")
	@RequiresPermissions(value = { "event:delete", "event:read" }, fetch = "event_id")
	String deleteNeedsAll(@PathVariable("event_id") long id) {
		return ran("delete " + id);
	}

	@PutMapping("/events/{event_id}")
	@RequiresPermissions(value = { "event:update", "event:admin" }, logical = Logical.ANY, fetch = "event_id")
	String updateNeedsAny(@PathVariable("event_id") long id) {
		return ran("update " + id);
	}

	@RequestMapping(path = "/events/{event_id}/settings", method = { RequestMethod.GET, RequestMethod.PUT })
	@RequiresPermissions(value = "event:update", fetch = "event_id", methods = "PUT")
	String settingsCheckedOnPutOnly(@PathVariable("event_id") long id) {
		return ran("settings " + id);
	}

	@RequestMapping(path = "/events/{event_id}/export", method = { RequestMethod.GET, RequestMethod.POST })
	@RequiresPermissions(value = "event:export", fetch = "event_id", methods = "GET")
	String exportCheckedOnGetOnly(@PathVariable("event_id") long id) {
		return ran("export " + id);
	}

	@GetMapping("/events/{event_id}/preview")
	@RequiresPermissions(value = "event:read", fetch = "event_id", leaveIf = "#event_id == 1")
	String previewLeftForEventOne(@PathVariable("event_id") long id) {
		return ran("preview " + id);
	}

	@PostMapping("/events/{event_id}/close")
	@RequiresPermissions(value = "event:update", fetch = "event_id", check = "#event_id != 13")
	String closeCheckedAgainstThirteen(@PathVariable("event_id") long id) {
		return ran("close " + id);
	}

	@GetMapping("/events/{event_id}/dashboard")
	@RequiresPermissions(value = "event:read", fetch = "event_id", optional = { "event:update", "event:delete" })
	String dashboard(@PathVariable("event_id") long id, PermissionContext context) {
		ran("dashboard " + id);
		return "granted=" + new TreeSet<>(context.grantedPermissions()) + " update=" + context.isGranted("event:update")
				+ " event_id=" + context.get("event_id");
	}

	@GetMapping("/tenants/{tenant}/events/{event_id}")
	@RequiresPermissions(value = "event:read", fetch = "event_id")
	String inTenant(@PathVariable("event_id") long id) {
		return ran("tenant event " + id);
	}

	@GetMapping("/me")
	@RequiresPermissions("profile:read")
	String unscoped() {
		return ran("me");
	}

	@PostMapping("/events/{event_id}/archive")
	@RequiresPermissions(value = "event:read", fetch = "event_id")
	String archiveThroughService(@PathVariable("event_id") long id) {
		this.eventService.archive(id);
		return ran("archive " + id);
	}

	@GetMapping("/broken")
	String broken() {
		throw new IllegalStateException("not a permission problem");
	}

	private String ran(String what) {
		this.sideEffects.ran(what);
		return what;
	}

}
