package io.github.permissionmanager.benchmarks.resolution;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * An event that talks belong to; permissions are granted on it.
 */
@Entity
public class Conference {

	@Id
	private Long id;

	protected Conference() {
	}

	Conference(Long id) {
		this.id = id;
	}

	public Long getId() {
		return this.id;
	}

}
