package io.github.permissionmanager.reliability;

import java.util.concurrent.CompletableFuture;

import io.github.permissionmanager.RequiresPermissions;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;

/**
 * A guarded service, and an {@code @Async} method that calls it on another thread, which
 * does not carry the caller's security context.
 */
@Service
class NoteService {

	private final Probe probe;

	NoteService(Probe probe) {
		this.probe = probe;
	}

	@RequiresPermissions(value = "note:read", fetch = "noteId")
	String summarize(String noteId) {
		this.probe.ran("summarize " + noteId);
		return "summary of " + noteId;
	}

	@Async
	@RequiresPermissions(value = "note:read", fetch = "noteId")
	CompletableFuture<String> summarizeLater(String noteId) {
		this.probe.ran("summarize later " + noteId);
		return CompletableFuture.completedFuture("summary of " + noteId);
	}

}
