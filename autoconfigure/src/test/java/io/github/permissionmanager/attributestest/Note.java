package io.github.permissionmanager.attributestest;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/**
 * A note on a paper: a check of a note is a check of its paper.
 */
@Entity
public class Note {

	@Id
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Paper paper;

	protected Note() {
		this.id = 0L;
		this.paper = new Paper();
	}

	public Note(long id, Paper paper) {
		this.id = id;
		this.paper = paper;
	}

	public Long getId() {
		return this.id;
	}

	public Paper getPaper() {
		return this.paper;
	}

}
