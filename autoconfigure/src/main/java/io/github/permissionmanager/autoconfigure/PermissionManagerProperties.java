package io.github.permissionmanager.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Core configuration properties of Permission Manager: the master switch and the roles.
 * Each other concern has a properties class of its own, next to the auto-configuration
 * that reads it.
 */
@ConfigurationProperties("permission-manager")
public class PermissionManagerProperties {

	/**
	 * Whether to enable Permission Manager.
	 */
	private boolean enabled = true;

	/**
	 * Roles: named bundles of permissions and other roles, expanded transitively; an
	 * entry that names a role is that role, any other entry a permission.
	 */
	private Map<String, List<String>> roles = new LinkedHashMap<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Map<String, List<String>> getRoles() {
		return this.roles;
	}

	public void setRoles(Map<String, List<String>> roles) {
		this.roles = roles;
	}

}
