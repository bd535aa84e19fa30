package io.github.permissionmanager.filtertest;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * A folder of documents: the resource a document's permission may be checked on.
 */
@Entity
public class Folder {

	@Id
	private Long id;

	private String name;

	protected Folder() {
	}

	public Folder(long id, String name) {
		this.id = id;
		this.name = name;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

}
