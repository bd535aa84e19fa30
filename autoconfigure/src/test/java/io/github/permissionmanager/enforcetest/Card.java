package io.github.permissionmanager.enforcetest;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "cards")
public class Card {

	@Id
	private Long id;

	private String label;

	@ManyToOne(fetch = FetchType.LAZY)
	private Board board;

	protected Card() {
	}

	public Card(Long id, String label, Board board) {
		this.id = id;
		this.label = label;
		this.board = board;
	}

	public Long getId() {
		return this.id;
	}

	// not a bean property: a test reads the proxy as it is
	Board board() {
		return this.board;
	}

	public String getLabel() {
		return this.label;
	}

	public void setLabel(String label) {
		this.label = label;
	}

}
