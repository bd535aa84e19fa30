package io.github.permissionmanager.filtertest;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/**
 * A note on a document: two hops from the folder ({@code doc.folder.id}).
 */
@Entity
public class Note {

	@Id
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Doc doc;

	protected Note() {
	}

	public Note(long id, Doc doc) {
		this.id = id;
		this.doc = doc;
	}

	public Long getId() {
		return this.id;
	}

}
