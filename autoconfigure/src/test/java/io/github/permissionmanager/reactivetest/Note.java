package io.github.permissionmanager.reactivetest;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * A note on a board; its board is found by a model lookup.
 */
@Entity
public class Note {

	@Id
	private Long id;

	private Long boardId;

	protected Note() {
	}

	Note(Long id, Long boardId) {
		this.id = id;
		this.boardId = boardId;
	}

	public Long getId() {
		return this.id;
	}

	public Long getBoardId() {
		return this.boardId;
	}

}
