package io.github.permissionmanager.slicetest;

import java.util.concurrent.atomic.AtomicInteger;

import io.github.permissionmanager.RequiresPermissions;

import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tasks of projects: renaming one needs {@code task:update} on its project.
 */
@RestController
public class TaskController {

	private final AtomicInteger updates = new AtomicInteger();

	@PatchMapping("/projects/{project_id}/tasks/{id}")
	@RequiresPermissions(value = "task:update", fetch = "project_id")
	public String update(@PathVariable("project_id") long projectId, @PathVariable long id) {
		this.updates.incrementAndGet();
		return "task " + id + " of project " + projectId + " updated";
	}

	/**
	 * How many times a task was updated.
	 * @return the number of updates
	 */
	public int updates() {
		return this.updates.get();
	}

	/**
	 * Forget the updates.
	 */
	public void reset() {
		this.updates.set(0);
	}

}
