package io.github.permissionmanager.sample.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A person presenting a {@link Session}; two joins away from the event that governs it
 * ({@code session.event.id}).
 */
@Entity
@Table(name = "speakers")
public class Speaker {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private String name = "";

	private String email = "";

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "session_id")
	private @Nullable Session session;

	protected Speaker() {
	}

	public Speaker(Session session, String name, String email) {
		this.session = session;
		this.name = name;
		this.email = email;
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public String getEmail() {
		return this.email;
	}

	public @Nullable Session getSession() {
		return this.session;
	}

}
