package io.github.permissionmanager.reliability;

import java.util.concurrent.CompletableFuture;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

/**
 * Calls the guarded {@link NoteService} from an {@code @Async} method: on the executor's
 * thread, where no security context was handed over.
 */
@Component
class AsyncNotes {

	private final NoteService notes;

	AsyncNotes(NoteService notes) {
		this.notes = notes;
	}

	@Async
	CompletableFuture<String> summarize(String noteId) {
		return CompletableFuture.completedFuture(this.notes.summarize(noteId));
	}

}
