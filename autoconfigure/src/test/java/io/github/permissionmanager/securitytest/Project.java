package io.github.permissionmanager.securitytest;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * A JPA entity checked as a domain object: type {@code project}, id its {@code @Id}.
 */
@Entity
public class Project {

	@Id
	private Long id;

	private String name;

	protected Project() {
	}

	Project(Long id, String name) {
		this.id = id;
		this.name = name;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	void setName(String name) {
		this.name = name;
	}

}
