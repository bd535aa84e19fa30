package io.github.permissionmanager.reactivetest;

import io.github.permissionmanager.RequiresPermissions;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reactive endpoints whose checked value comes from the request rather than from an
 * argument: a URI template variable no parameter declares, a query parameter the mapping
 * requires, a model lookup keyed by a URI variable; a declared argument that is
 * {@code null}; a body that must agree with the path; a {@code methods} filter; a tenant
 * in the path and in a header.
 */
@RestController
class PinController {

	private final Subscriptions subscriptions;

	PinController(Subscriptions subscriptions) {
		this.subscriptions = subscriptions;
	}

	@GetMapping("/boards/{board_id}/pins")
	@RequiresPermissions(value = "board:read", fetch = "board_id")
	Mono<String> pins() {
		return ran("pins");
	}

	@GetMapping(path = "/pins", params = "board_id")
	@RequiresPermissions(value = "board:read", fetch = "board_id")
	Mono<String> pinsByQuery() {
		return ran("pins by query");
	}

	@GetMapping("/boards/{board_id}/fallback")
	@RequiresPermissions(value = "board:read", fetch = "board_id")
	Mono<String> fallback(@RequestParam(name = "board_id", required = false) Long boardId) {
		return ran("fallback " + boardId);
	}

	@GetMapping("/notes/{id}/board")
	@RequiresPermissions(value = "board:read", fetch = "board_id", model = Note.class, resource = "board")
	Mono<String> noteBoard() {
		return ran("note board");
	}

	@RequestMapping(path = "/boards/{board_id}/tasks", method = { RequestMethod.GET, RequestMethod.POST })
	@RequiresPermissions(value = "board:write", fetch = "board_id", methods = "POST")
	Mono<String> tasks(@PathVariable("board_id") long boardId) {
		return ran("tasks " + boardId);
	}

	@PutMapping("/boards/{board_id}/pins")
	@RequiresPermissions(value = "board:write", fetch = "board_id")
	Mono<String> pin(@PathVariable("board_id") long boardId, @RequestBody Pin pin) {
		return ran("pinned " + pin.text() + " on " + boardId);
	}

	@GetMapping("/tenants/{tenant}/boards/{board_id}")
	@RequiresPermissions(value = "board:read", fetch = "board_id")
	Mono<String> inTenant(@PathVariable String tenant, @PathVariable("board_id") long boardId) {
		return ran("board " + boardId + " of " + tenant);
	}

	record Pin(Long boardId, String text) {
	}

	private Mono<String> ran(String what) {
		return Mono.fromCallable(() -> {
			this.subscriptions.add(what);
			return what;
		});
	}

}
