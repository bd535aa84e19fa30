package io.github.permissionmanager.benchmarks.filter;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An event whose sessions are listed.
 */
@Entity
@Table(name = "listed_event")
public class ListedEvent {

	@Id
	private Long id;

	// for JPA, which sets the fields
	@SuppressWarnings("NullAway.Init")
	protected ListedEvent() {
	}

	public Long getId() {
		return this.id;
	}

}
