package io.github.permissionmanager.reactivetest;

import io.github.permissionmanager.RequiresPermissions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reactive endpoints guarded by an argument (the {@code board_id} path variable
 * parameter) and by a model lookup (the board of a note).
 */
@RestController
class NoteController {

	private final Subscriptions subscriptions;

	NoteController(Subscriptions subscriptions) {
		this.subscriptions = subscriptions;
	}

	@GetMapping("/boards/{board_id}/summary")
	@RequiresPermissions(value = "board:read", fetch = "board_id")
	Mono<String> summary(@PathVariable("board_id") long boardId) {
		this.subscriptions.add("called summary " + boardId);
		return Mono.fromCallable(() -> {
			this.subscriptions.add("subscribed summary " + boardId);
			return "summary of " + boardId;
		});
	}

	@GetMapping("/boards/{board_id}/lines")
	@RequiresPermissions(value = "board:read", fetch = "board_id")
	Flux<String> lines(@PathVariable("board_id") long boardId) {
		this.subscriptions.add("called lines " + boardId);
		return Flux.just("a", "b").doOnSubscribe((subscription) -> this.subscriptions.add("subscribed lines"));
	}

	@GetMapping("/notes/{id}")
	@RequiresPermissions(value = "board:read", fetch = "board_id", model = Note.class, resource = "board")
	Mono<String> note(@PathVariable String id) {
		this.subscriptions.add("called note " + id);
		return Mono.fromCallable(() -> {
			this.subscriptions.add("subscribed note " + id);
			return "note " + id;
		});
	}

}
