package io.github.permissionmanager.attributestest;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.jspecify.annotations.Nullable;

/**
 * A paper with a status, a department and a title the checks never read.
 */
@Entity
public class Paper {

	@Id
	private Long id;

	private @Nullable String status;

	private @Nullable String department;

	private String title;

	protected Paper() {
		this.id = 0L;
		this.title = "";
	}

	public Paper(long id, @Nullable String status, @Nullable String department, String title) {
		this.id = id;
		this.status = status;
		this.department = department;
		this.title = title;
	}

	public Long getId() {
		return this.id;
	}

	public @Nullable String getStatus() {
		return this.status;
	}

	public @Nullable String getDepartment() {
		return this.department;
	}

	public String getTitle() {
		return this.title;
	}

}
