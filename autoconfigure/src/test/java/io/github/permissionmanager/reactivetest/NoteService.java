package io.github.permissionmanager.reactivetest;

import io.github.permissionmanager.RequiresPermissions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Guarded reactive service methods, called outside any request.
 */
@Service
public class NoteService {

	private final Subscriptions subscriptions;

	NoteService(Subscriptions subscriptions) {
		this.subscriptions = subscriptions;
	}

	@RequiresPermissions(value = "board:read", fetch = "boardId", resource = "board")
	public Mono<String> summary(long boardId) {
		this.subscriptions.add("called summary " + boardId);
		return Mono.fromCallable(() -> {
			this.subscriptions.add("subscribed summary " + boardId);
			return "summary of " + boardId;
		});
	}

	@RequiresPermissions(value = "board:read", fetch = "boardId", resource = "board")
	public Flux<String> lines(long boardId) {
		return Flux.range(1, 3).map((line) -> {
			this.subscriptions.add("emitted line " + line);
			return "line " + line;
		});
	}

}
