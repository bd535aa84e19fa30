package io.github.permissionmanager.autoconfigure;

import io.github.permissionmanager.store.PermissionStoreSchemaInitializer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.init.DatabaseInitializationProperties;

/**
 * JDBC grant store ({@code permission-manager.store}): its tables, and how they are
 * created at startup (Boot's {@link DatabaseInitializationProperties}: {@code schema},
 * {@code platform}, {@code initialize-schema} and {@code continue-on-error}).
 */
@ConfigurationProperties("permission-manager.store")
public class PermissionStoreProperties extends DatabaseInitializationProperties {

	/**
	 * Prefix of the store's table names.
	 */
	private String tablePrefix = "pm_";

	public PermissionStoreProperties() {
		// a table that cannot be created is a store that cannot work: say so at startup
		setContinueOnError(false);
	}

	@Override
	public String getDefaultSchemaLocation() {
		return PermissionStoreSchemaInitializer.SCHEMA_LOCATION;
	}

	public String getTablePrefix() {
		return this.tablePrefix;
	}

	public void setTablePrefix(String tablePrefix) {
		this.tablePrefix = tablePrefix;
	}

}
