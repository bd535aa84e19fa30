package io.github.permissionmanager.enforcetest;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "comments")
public class Comment {

	@Id
	private Long id;

	private String text;

	@ManyToOne(fetch = FetchType.LAZY)
	private Card card;

	protected Comment() {
	}

	public Comment(Long id, String text, Card card) {
		this.id = id;
		this.text = text;
		this.card = card;
	}

	public Long getId() {
		return this.id;
	}

	public String getText() {
		return this.text;
	}

}
