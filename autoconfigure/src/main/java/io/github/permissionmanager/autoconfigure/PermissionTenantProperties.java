package io.github.permissionmanager.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the default tenant resolver finds the tenant of an annotated check
 * ({@code permission-manager.tenant}).
 */
@ConfigurationProperties("permission-manager.tenant")
public class PermissionTenantProperties {

	/**
	 * Request header holding the tenant.
	 */
	private @Nullable String header;

	/**
	 * JWT claim holding the tenant.
	 */
	private @Nullable String claim;

	/**
	 * URI template variable holding the tenant.
	 */
	private @Nullable String pathVariable;

	public @Nullable String getHeader() {
		return this.header;
	}

	public void setHeader(@Nullable String header) {
		this.header = header;
	}

	public @Nullable String getClaim() {
		return this.claim;
	}

	public void setClaim(@Nullable String claim) {
		this.claim = claim;
	}

	public @Nullable String getPathVariable() {
		return this.pathVariable;
	}

	public void setPathVariable(@Nullable String pathVariable) {
		this.pathVariable = pathVariable;
	}

}
