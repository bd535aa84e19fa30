package io.github.permissionmanager.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Permission Manager takes part in Spring Security.
 */
@ConfigurationProperties("permission-manager.security")
public class PermissionSecurityProperties {

	/**
	 * Whether the verdicts on @RequiresPermissions methods are published through Spring
	 * Security's AuthorizationEventPublisher (denials as AuthorizationDeniedEvent; allows
	 * only when that publisher is told to publish them).
	 */
	private boolean authorizationEvents = true;

	public boolean isAuthorizationEvents() {
		return this.authorizationEvents;
	}

	public void setAuthorizationEvents(boolean authorizationEvents) {
		this.authorizationEvents = authorizationEvents;
	}

}
