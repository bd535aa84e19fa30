package io.github.permissionmanager.benchmarks.resolution;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/**
 * A talk of a {@link Conference}: the URL names the talk, the permission is on its event.
 */
@Entity
public class Talk {

	@Id
	private Long id;

	private String title;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "event_id")
	private Conference event;

	// for JPA, which sets the fields
	@SuppressWarnings("NullAway.Init")
	protected Talk() {
	}

	Talk(Long id, String title, Conference event) {
		this.id = id;
		this.title = title;
		this.event = event;
	}

	public Long getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public Conference getEvent() {
		return this.event;
	}

}
