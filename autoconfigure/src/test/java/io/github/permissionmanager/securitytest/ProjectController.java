package io.github.permissionmanager.securitytest;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Endpoints over {@link ProjectService}, and one guarded in the controller itself.
 */
@RestController
class ProjectController {

	private final ProjectService service;

	private final ProjectRepository projects;

	ProjectController(ProjectService service, ProjectRepository projects) {
		this.service = service;
		this.projects = projects;
	}

	@GetMapping("/projects/{projectId}")
	@PreAuthorize("hasPermission(#projectId, 'project', 'project:read')")
	String read(@PathVariable long projectId) {
		return this.service.read(projectId);
	}

	@PutMapping("/projects/{projectId}")
	ResponseEntity<String> rename(@PathVariable long projectId, @RequestBody String name) {
		return this.projects.findById(projectId)
			.map((project) -> ResponseEntity.ok(this.service.rename(project, name)))
			.orElse(ResponseEntity.notFound().build());
	}

	@GetMapping("/folders/{id}")
	String open(@PathVariable Long id, @RequestParam(defaultValue = "docs") String name) {
		return this.service.open(new Folder(id, name));
	}

	@GetMapping("/folders/new")
	String openUnsaved() {
		return this.service.open(new Folder(null, "draft"));
	}

	@GetMapping("/tenants/{tenant}/projects/{projectId}")
	@PreAuthorize("hasPermission(#projectId, 'project', 'project:read')")
	String readInTenant(@PathVariable String tenant, @PathVariable long projectId) {
		return "project " + projectId + " of " + tenant;
	}

	@GetMapping("/projects/{projectId}/suggestions")
	@PreAuthorize("!hasPermission(#projectId, 'project', 'project:own')")
	String suggestions(@PathVariable long projectId) {
		this.service.suggestions(projectId);
		return "suggestions for " + projectId;
	}

	@GetMapping("/projects/lookup")
	@PreAuthorize("hasPermission(#projectId, 'project', 'project:read')")
	String lookup(@RequestParam(required = false) Long projectId) {
		this.service.suggestions(-1);
		return "lookup " + projectId;
	}

	@GetMapping("/audits/{projectId}")
	String audit(@PathVariable long projectId) {
		return this.service.audit(projectId);
	}

}
