package io.github.permissionmanager.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationPropertiesSource;

/**
 * Core configuration properties of Permission Manager: the master switch, the roles and
 * the user and resource sets grant conditions may name. Each other concern has a
 * properties class of its own, next to the auto-configuration that reads it.
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

	/**
	 * User sets: named conditions over the subject (and the context), which a grant's
	 * condition names as userSets['name']; validated at startup.
	 */
	private Map<String, UserSet> userSets = new LinkedHashMap<>();

	/**
	 * Resource sets: named conditions over resources of one type (and the context), which
	 * a grant's condition names as resourceSets['name']; validated at startup.
	 */
	private Map<String, ResourceSet> resourceSets = new LinkedHashMap<>();

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

	public Map<String, UserSet> getUserSets() {
		return this.userSets;
	}

	public void setUserSets(Map<String, UserSet> userSets) {
		this.userSets = userSets;
	}

	public Map<String, ResourceSet> getResourceSets() {
		return this.resourceSets;
	}

	public void setResourceSets(Map<String, ResourceSet> resourceSets) {
		this.resourceSets = resourceSets;
	}

	/**
	 * A named condition over the subject.
	 */
	@ConfigurationPropertiesSource
	public static class UserSet {

		/**
		 * Condition a subject meets to be in the set (restricted SpEL over subject and
		 * context), such as subject.department == 'Engineering'.
		 */
		private @Nullable String when;

		public @Nullable String getWhen() {
			return this.when;
		}

		public void setWhen(@Nullable String when) {
			this.when = when;
		}

	}

	/**
	 * A named condition over resources of one type.
	 */
	@ConfigurationPropertiesSource
	public static class ResourceSet {

		/**
		 * Resource type the set's resources are of; a resource of another type is not in
		 * the set.
		 */
		private @Nullable String type;

		/**
		 * Condition a resource meets to be in the set (restricted SpEL over resource and
		 * context), such as resource.status == 'draft'.
		 */
		private @Nullable String when;

		public @Nullable String getType() {
			return this.type;
		}

		public void setType(@Nullable String type) {
			this.type = type;
		}

		public @Nullable String getWhen() {
			return this.when;
		}

		public void setWhen(@Nullable String when) {
			this.when = when;
		}

	}

}
