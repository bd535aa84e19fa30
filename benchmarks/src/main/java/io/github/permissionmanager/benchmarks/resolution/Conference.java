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

	// for JPA, which sets the fields
	@SuppressWarnings("NullAway.Init")
	protected Conference() {
	}

	Conference(Long id) {
		this.id = id;
	}

	public Long getId() {
		return this.id;
	}

}
