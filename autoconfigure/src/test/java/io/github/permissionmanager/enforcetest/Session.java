package io.github.permissionmanager.enforcetest;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity(name = "Session")
@Table(name = "sessions")
public class Session {

	@Id
	private Long id;

	private String title;

	private String track;

	@ManyToOne(fetch = FetchType.LAZY)
	private Event event;

	protected Session() {
	}

	public Session(Long id, String title, Event event) {
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

	public void setTitle(String title) {
		this.title = title;
	}

	public Event getEvent() {
		return this.event;
	}

	public void setEvent(Event event) {
		this.event = event;
	}

}
