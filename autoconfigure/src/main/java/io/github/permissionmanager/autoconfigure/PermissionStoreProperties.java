package io.github.permissionmanager.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.sql.init.DatabaseInitializationMode;

/**
 * JDBC grant store ({@code permission-manager.store}).
 */
@ConfigurationProperties("permission-manager.store")
public class PermissionStoreProperties {

	/**
	 * Whether to create the store's tables at startup.
	 */
	private DatabaseInitializationMode initializeSchema = DatabaseInitializationMode.EMBEDDED;

	/**
	 * Prefix of the store's table names.
	 */
	private String tablePrefix = "pm_";

	/**
	 * Platform of the schema script (h2, postgresql, mariadb, mysql); detected from the
	 * DataSource when not set.
	 */
	private @Nullable String platform;

	public DatabaseInitializationMode getInitializeSchema() {
		return this.initializeSchema;
	}

	public void setInitializeSchema(DatabaseInitializationMode initializeSchema) {
		this.initializeSchema = initializeSchema;
	}

	public String getTablePrefix() {
		return this.tablePrefix;
	}

	public void setTablePrefix(String tablePrefix) {
		this.tablePrefix = tablePrefix;
	}

	public @Nullable String getPlatform() {
		return this.platform;
	}

	public void setPlatform(@Nullable String platform) {
		this.platform = platform;
	}

}
