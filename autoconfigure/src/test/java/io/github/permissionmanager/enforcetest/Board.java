package io.github.permissionmanager.enforcetest;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "boards")
public class Board {

	@Id
	private Long id;

	protected Board() {
	}

	public Board(Long id) {
		this.id = id;
	}

	public Long getId() {
		return this.id;
	}

}
