package io.github.permissionmanager.actuatetest;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A ticket of an event: the event a ticket belongs to is found through the model.
 */
@Entity
@Table(name = "actuator_tickets")
public class Ticket {

	@Id
	private Long id;

	private Long eventId;

	protected Ticket() {
	}

	public Ticket(Long id, Long eventId) {
		this.id = id;
		this.eventId = eventId;
	}

	public Long getId() {
		return this.id;
	}

	public Long getEventId() {
		return this.eventId;
	}

}
