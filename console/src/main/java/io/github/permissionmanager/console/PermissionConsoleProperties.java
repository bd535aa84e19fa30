package io.github.permissionmanager.console;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The admin console ({@code permission-manager.console}).
 */
@ConfigurationProperties("permission-manager.console")
public class PermissionConsoleProperties {

	/** The path the console is served under. */
	public static final String DEFAULT_PATH = "/permissions-console";

	/** The permission the console requires by default. */
	public static final String DEFAULT_PERMISSION = "permissions:admin";

	/**
	 * Whether to serve the admin console (off unless set; a servlet web application
	 * only).
	 */
	private boolean enabled;

	/**
	 * Path the console is served under: starts with '/', does not end with one, holds no
	 * pattern.
	 */
	private String path = DEFAULT_PATH;

	/**
	 * Permission a user needs, unscoped (a grant with no resource type), to see any page
	 * of the console or change anything through it.
	 */
	private String permission = DEFAULT_PERMISSION;

	/**
	 * Rows on a page of the audit trail, 1 to 200.
	 */
	private int pageSize = 50;

	/**
	 * Whether the console's own filter chain signs users in with a form under the
	 * console's path (the application's users, through its UserDetailsService); off, the
	 * application's own filter chains must authenticate console requests and keep CSRF
	 * protection on.
	 */
	private boolean loginForm = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		this.path = path;
	}

	public String getPermission() {
		return this.permission;
	}

	public void setPermission(String permission) {
		this.permission = permission;
	}

	public int getPageSize() {
		return this.pageSize;
	}

	public void setPageSize(int pageSize) {
		this.pageSize = pageSize;
	}

	public boolean isLoginForm() {
		return this.loginForm;
	}

	public void setLoginForm(boolean loginForm) {
		this.loginForm = loginForm;
	}

}
