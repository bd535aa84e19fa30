package io.github.permissionmanager.securitytest;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Services guarded by Spring Security's own annotations, answered by Permission Manager.
 */
@Service
public class ProjectService {

	private final ProjectRepository projects;

	private final Calls calls;

	ProjectService(ProjectRepository projects, Calls calls) {
		this.projects = projects;
		this.calls = calls;
	}

	@PreAuthorize("hasPermission(#projectId, 'project', 'project:read')")
	public String read(long projectId) {
		this.calls.ran("read " + projectId);
		return "project " + projectId;
	}

	@PreAuthorize("hasPermission(#project, 'project:update')")
	@Transactional
	public String rename(Project project, String name) {
		this.calls.ran("rename " + project.getId());
		project.setName(name);
		this.projects.save(project);
		return name;
	}

	@PreAuthorize("hasPermission(#folder, 'folder:read')")
	public String open(Folder folder) {
		this.calls.ran("open " + folder.id());
		return folder.name();
	}

	public void suggestions(long projectId) {
		this.calls.ran("suggestions " + projectId);
	}

	@PreAuthorize("hasPermission(#projectId, 'project', 'project:read') or hasRole('AUDITOR')")
	public String audit(long projectId) {
		this.calls.ran("audit " + projectId);
		return "audited " + projectId;
	}

}
