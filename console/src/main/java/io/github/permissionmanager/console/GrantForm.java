package io.github.permissionmanager.console;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.InvalidGrantException;
import org.jspecify.annotations.Nullable;

/**
 * The grant and revoke forms, as the browser sends them: every field a string, an empty
 * optional field meaning "none". {@link #toGrant()} refuses what a {@link Grant} could
 * not hold with the same {@link InvalidGrantException} the store throws, so the page
 * shows either beside the field at fault.
 */
public class GrantForm {

	private String kind = "user";

	private String name = "";

	private String permission = "";

	private String resourceType = "";

	private String resourceId = "";

	private String tenant = "";

	private String expiresAt = "";

	private String condition = "";

	/**
	 * The form for a grant.
	 * @param grant the grant
	 * @return the form holding its fields
	 */
	static GrantForm of(Grant grant) {
		GrantForm form = new GrantForm();
		form.kind = (grant.grantee().kind() == Grantee.Kind.GROUP) ? "group" : "user";
		form.name = grant.grantee().name();
		form.permission = grant.permission();
		form.resourceType = (grant.resourceType() != null) ? grant.resourceType() : "";
		form.resourceId = (grant.resourceId() != null) ? grant.resourceId() : "";
		form.tenant = (grant.tenant() != null) ? grant.tenant() : "";
		form.expiresAt = (grant.expiresAt() != null)
				? LocalDateTime.ofInstant(grant.expiresAt(), ZoneOffset.UTC).toString() : "";
		form.condition = (grant.condition() != null) ? grant.condition() : "";
		return form;
	}

	/**
	 * The grant the form describes.
	 * @return the grant
	 * @throws InvalidGrantException naming the field that cannot be part of a grant
	 */
	Grant toGrant() {
		Grantee grantee = switch (this.kind) {
			case "user" -> (this.name.isBlank()) ? null : Grantee.user(this.name);
			case "group" -> (this.name.isBlank()) ? null : Grantee.group(this.name);
			default -> throw new InvalidGrantException("grantee", "Choose user or group.");
		};
		if (grantee == null) {
			throw new InvalidGrantException("grantee", "Enter the name of a user or group.");
		}
		if (this.permission.isBlank()) {
			throw new InvalidGrantException("permission", "Enter a permission or a role.");
		}
		if (!this.resourceId.isEmpty() && this.resourceType.isEmpty()) {
			throw new InvalidGrantException("resourceId", "An object id needs a resource type.");
		}
		Grant grant = Grant.of(grantee, this.permission);
		if (!this.resourceType.isEmpty()) {
			grant = this.resourceId.isEmpty() ? grant.on(this.resourceType)
					: grant.on(this.resourceType, this.resourceId);
		}
		if (!this.tenant.isEmpty()) {
			grant = grant.inTenant(this.tenant);
		}
		if (!this.condition.isBlank()) {
			grant = grant.when(this.condition);
		}
		Instant expiry = expiry();
		return (expiry != null) ? grant.until(expiry) : grant;
	}

	private @Nullable Instant expiry() {
		if (this.expiresAt.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(this.expiresAt.strip()).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidGrantException("expiresAt", "Write the expiry as 2026-12-31T18:00 (UTC).");
		}
	}

	public String getKind() {
		return this.kind;
	}

	public void setKind(@Nullable String kind) {
		this.kind = (kind != null) ? kind : "";
	}

	public String getName() {
		return this.name;
	}

	public void setName(@Nullable String name) {
		this.name = (name != null) ? name : "";
	}

	public String getPermission() {
		return this.permission;
	}

	public void setPermission(@Nullable String permission) {
		this.permission = (permission != null) ? permission : "";
	}

	public String getResourceType() {
		return this.resourceType;
	}

	public void setResourceType(@Nullable String resourceType) {
		this.resourceType = (resourceType != null) ? resourceType : "";
	}

	public String getResourceId() {
		return this.resourceId;
	}

	public void setResourceId(@Nullable String resourceId) {
		this.resourceId = (resourceId != null) ? resourceId : "";
	}

	public String getTenant() {
		return this.tenant;
	}

	public void setTenant(@Nullable String tenant) {
		this.tenant = (tenant != null) ? tenant : "";
	}

	public String getCondition() {
		return this.condition;
	}

	public void setCondition(@Nullable String condition) {
		this.condition = (condition != null) ? condition : "";
	}

	public String getExpiresAt() {
		return this.expiresAt;
	}

	public void setExpiresAt(@Nullable String expiresAt) {
		this.expiresAt = (expiresAt != null) ? expiresAt : "";
	}

}
