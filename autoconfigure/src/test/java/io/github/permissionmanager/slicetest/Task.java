package io.github.permissionmanager.slicetest;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * A task of a project: the project is not in the URL of a task, so a check on it needs a
 * model lookup.
 */
@Entity
public class Task {

	@Id
	private Long id;

	private Long projectId;

	protected Task() {
	}

	public Long getId() {
		return this.id;
	}

	public Long getProjectId() {
		return this.projectId;
	}

}
