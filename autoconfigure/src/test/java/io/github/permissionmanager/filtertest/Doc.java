package io.github.permissionmanager.filtertest;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.jspecify.annotations.Nullable;

/**
 * A document: a long id, a folder (which may be missing), a string code and a UUID, so
 * filters can be placed on each kind of id, and the tenant it belongs to (which may be
 * missing).
 */
@Entity
public class Doc {

	@Id
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY)
	private @Nullable Folder folder;

	private @Nullable String code;

	private @Nullable UUID uuid;

	private String title;

	private @Nullable String tenant;

	protected Doc() {
	}

	public Doc(long id, @Nullable Folder folder, @Nullable String code, @Nullable UUID uuid, String title,
			@Nullable String tenant) {
		this.id = id;
		this.folder = folder;
		this.code = code;
		this.uuid = uuid;
		this.title = title;
		this.tenant = tenant;
	}

	public Long getId() {
		return this.id;
	}

	public @Nullable Folder getFolder() {
		return this.folder;
	}

	public @Nullable String getCode() {
		return this.code;
	}

	public @Nullable UUID getUuid() {
		return this.uuid;
	}

	public String getTitle() {
		return this.title;
	}

	public @Nullable String getTenant() {
		return this.tenant;
	}

}
