package io.github.permissionmanager.test.readme;

import io.github.permissionmanager.RequiresPermissions;

import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TaskController {

	@PatchMapping("/projects/{project_id}/tasks/{id}")
	@RequiresPermissions(value = "task:update", fetch = "project_id")
	String rename(@PathVariable("project_id") long projectId, @PathVariable long id, @RequestParam String title) {
		return "task " + id + " of project " + projectId + " is now " + title;
	}

}
