package io.github.permissionmanager.slicetest;

import java.util.concurrent.atomic.AtomicInteger;

import io.github.permissionmanager.RequiresPermissions;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reactive twin of {@link TaskController}.
 */
@RestController
public class ReactiveTaskController {

	private final AtomicInteger updates = new AtomicInteger();

	@PatchMapping("/reactive/projects/{project_id}/tasks/{id}")
	@RequiresPermissions(value = "task:update", fetch = "project_id")
	public Mono<String> update(@PathVariable("project_id") long projectId, @PathVariable long id) {
		return Mono.fromCallable(() -> {
			this.updates.incrementAndGet();
			return "task " + id + " of project " + projectId + " updated";
		});
	}

	/**
	 * How many times a task was updated.
	 * @return the number of updates
	 */
	public int updates() {
		return this.updates.get();
	}

}
