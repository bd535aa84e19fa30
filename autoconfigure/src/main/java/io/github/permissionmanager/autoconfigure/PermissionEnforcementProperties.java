package io.github.permissionmanager.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the enforcement path answers ({@code permission-manager.hide-existence},
 * {@code permission-manager.cross-check}).
 */
@ConfigurationProperties("permission-manager")
public class PermissionEnforcementProperties {

	/**
	 * Whether a missing related object answers 403 instead of 404, so existence does not
	 * leak.
	 */
	private boolean hideExistence = false;

	/**
	 * Whether a key found both in the URL and through the model must agree.
	 */
	private boolean crossCheck = true;

	public boolean isHideExistence() {
		return this.hideExistence;
	}

	public void setHideExistence(boolean hideExistence) {
		this.hideExistence = hideExistence;
	}

	public boolean isCrossCheck() {
		return this.crossCheck;
	}

	public void setCrossCheck(boolean crossCheck) {
		this.crossCheck = crossCheck;
	}

}
