package io.github.permissionmanager.slicetest;

import java.util.concurrent.atomic.AtomicInteger;

import io.github.permissionmanager.RequiresPermissions;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Deleting a task needs {@code task:delete} on its project, found by loading the task.
 */
@RestController
public class TaskLookupController {

	private final AtomicInteger deletions = new AtomicInteger();

	@DeleteMapping("/tasks/{id}")
	@RequiresPermissions(value = "task:delete", fetch = "project_id", model = Task.class, resource = "project")
	public String delete(@PathVariable long id) {
		this.deletions.incrementAndGet();
		return "task " + id + " deleted";
	}

	/**
	 * How many tasks were deleted.
	 * @return the number of deletions
	 */
	public int deletions() {
		return this.deletions.get();
	}

}
