package io.github.permissionmanager.securitytest;

import io.github.permissionmanager.RequiresPermissions;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Endpoints guarded by request rules ({@code /boards/**}, {@code /reports/**}), the same
 * permission guarded by {@code @RequiresPermissions} ({@code /pinboards/{board_id}}), a
 * request rule and {@code @RequiresPermissions} on one endpoint
 * ({@code /boards/{board_id}/secrets}), and a {@code @permissions.check} expression.
 */
@RestController
class BoardController {

	private final Calls calls;

	BoardController(Calls calls) {
		this.calls = calls;
	}

	@GetMapping("/boards/{board_id}/cards")
	String cards(@PathVariable("board_id") long boardId) {
		this.calls.ran("cards " + boardId);
		return "cards of " + boardId;
	}

	@GetMapping("/boards/{board_id}/secrets")
	@RequiresPermissions(value = "board:secret", fetch = "board_id")
	String secrets(@PathVariable("board_id") long boardId) {
		this.calls.ran("secrets " + boardId);
		return "secrets of " + boardId;
	}

	@GetMapping("/pinboards/{board_id}")
	@RequiresPermissions(value = "board:read", fetch = "board_id", resource = "board")
	String pinboard(@PathVariable("board_id") long boardId) {
		this.calls.ran("pinboard " + boardId);
		return "pinboard " + boardId;
	}

	@GetMapping("/reports/daily")
	String daily() {
		this.calls.ran("daily");
		return "daily";
	}

	@GetMapping("/misconfigured/{id}")
	String misconfigured(@PathVariable long id) {
		this.calls.ran("misconfigured " + id);
		return "misconfigured";
	}

	@GetMapping("/exports/{board_id}")
	@PreAuthorize("@permissions.check('board:export', 'board', #boardId)")
	String export(@PathVariable("board_id") long boardId) {
		this.calls.ran("export " + boardId);
		return "export " + boardId;
	}

	@GetMapping("/exports")
	@PreAuthorize("@permissions.check('board:export')")
	String exportAll() {
		this.calls.ran("export all");
		return "export all";
	}

}
