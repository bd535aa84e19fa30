package io.github.permissionmanager.jwttest;

import io.github.permissionmanager.RequiresPermissions;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The same permission guarded by each bridge: {@code @RequiresPermissions}, a request
 * rule ({@code /boards/{board_id}/cards}, see {@link JwtTestApplication}) and
 * {@code hasPermission}; and a board of a tenant named by the path.
 */
@RestController
class JwtBoardController {

	@GetMapping("/boards/{board_id}")
	@RequiresPermissions(value = "board:read", fetch = "board_id")
	String board(@PathVariable("board_id") long boardId) {
		return "board " + boardId;
	}

	@GetMapping("/boards/{board_id}/cards")
	String cards(@PathVariable("board_id") long boardId) {
		return "cards of " + boardId;
	}

	@GetMapping("/boards/{board_id}/export")
	@PreAuthorize("hasPermission(#boardId, 'board', 'board:read')")
	String export(@PathVariable("board_id") long boardId) {
		return "export of " + boardId;
	}

	@GetMapping("/tenants/{tenant}/boards/{board_id}")
	@RequiresPermissions(value = "board:read", fetch = "board_id")
	String boardInTenant(@PathVariable String tenant, @PathVariable("board_id") long boardId) {
		return "board " + boardId + " of " + tenant;
	}

}
