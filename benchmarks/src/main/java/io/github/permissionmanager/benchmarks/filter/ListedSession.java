package io.github.permissionmanager.benchmarks.filter;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A session of a {@link ListedEvent}, indexed by event as a list endpoint needs.
 */
@Entity
@Table(name = "listed_session", indexes = @Index(name = "listed_session_event", columnList = "event_id, id"))
public class ListedSession {

	@Id
	private Long id;

	private String title;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "event_id")
	private ListedEvent event;

	// for JPA, which sets the fields
	@SuppressWarnings("NullAway.Init")
	protected ListedSession() {
	}

	public Long getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public ListedEvent getEvent() {
		return this.event;
	}

}
