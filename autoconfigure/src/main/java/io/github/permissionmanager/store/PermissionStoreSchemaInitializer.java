package io.github.permissionmanager.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.jdbc.init.PlatformPlaceholderDatabaseDriverResolver;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.datasource.init.DatabasePopulatorUtils;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.util.Assert;
import org.springframework.util.StreamUtils;

/**
 * Creates the store's tables at startup, like Spring Session's and Spring Batch's
 * initializers: {@code permission-manager.store.initialize-schema} is {@code embedded}
 * (default: only for an embedded database), {@code always} or {@code never}. The script
 * is {@code classpath:io/github/permissionmanager/store/schema-<platform>.sql}, with the
 * platform detected from the DataSource (h2, postgresql, mariadb, mysql) unless set, and
 * its table names rewritten to the configured prefix. The scripts create only what is
 * missing, so running them again is harmless.
 */
public class PermissionStoreSchemaInitializer extends DataSourceScriptDatabaseInitializer {

	/** Where the schema scripts are, with the platform as a placeholder. */
	public static final String SCHEMA_LOCATION = "classpath:io/github/permissionmanager/store/schema-@@platform@@.sql";

	/** The platforms with a schema script. */
	public static final List<String> PLATFORMS = List.of("h2", "postgresql", "mariadb", "mysql");

	private final StoreTables tables;

	/**
	 * Create an initializer.
	 * @param dataSource the store's DataSource
	 * @param mode when to create the tables
	 * @param platform the script platform, or {@code null} to detect it
	 * @param tables the table names
	 */
	public PermissionStoreSchemaInitializer(DataSource dataSource, DatabaseInitializationMode mode,
			@Nullable String platform, StoreTables tables) {
		this(dataSource, mode, platform, tables, SCHEMA_LOCATION);
	}

	/**
	 * Create an initializer of other tables of the library, under the same settings.
	 * @param dataSource the store's DataSource
	 * @param mode when to create the tables
	 * @param platform the script platform, or {@code null} to detect it
	 * @param tables the table names
	 * @param location where the scripts are, with {@code @@platform@@} for the platform
	 */
	public PermissionStoreSchemaInitializer(DataSource dataSource, DatabaseInitializationMode mode,
			@Nullable String platform, StoreTables tables, String location) {
		super(dataSource, settings(dataSource, mode, platform, location));
		Assert.notNull(tables, "tables cannot be null");
		this.tables = tables;
	}

	private static DatabaseInitializationSettings settings(DataSource dataSource, DatabaseInitializationMode mode,
			@Nullable String platform, String location) {
		DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
		settings.setMode(mode);
		if (mode == DatabaseInitializationMode.NEVER) {
			return settings;
		}
		PlatformPlaceholderDatabaseDriverResolver resolver = new PlatformPlaceholderDatabaseDriverResolver();
		if (platform != null && !platform.isBlank()) {
			if (!PLATFORMS.contains(platform)) {
				throw new StoreConfigurationException(
						"permission-manager.store.platform is '" + platform + "', which has no schema script",
						"Set permission-manager.store.platform to one of " + PLATFORMS
								+ ", or set permission-manager.store.initialize-schema=never and create the tables "
								+ "yourself from the script of the closest platform");
			}
			settings.setSchemaLocations(resolver.resolveAll(platform, location));
			return settings;
		}
		try {
			settings.setSchemaLocations(resolver.resolveAll(dataSource, location));
		}
		catch (IllegalStateException ex) {
			if (mode == DatabaseInitializationMode.ALWAYS) {
				throw new StoreConfigurationException(
						"permission-manager.store.initialize-schema=always, but the database of the grant store is "
								+ "not one whose schema script can be told from its DataSource",
						"Set permission-manager.store.platform to one of " + PLATFORMS
								+ ", or set permission-manager.store.initialize-schema=never and create the tables "
								+ "yourself",
						ex);
			}
			// embedded: an unknown database is not an embedded one, so there is nothing
			// to run
		}
		return settings;
	}

	/**
	 * The schema script for a database, for messages that tell how to create a table.
	 * @param dataSource the store's DataSource
	 * @param platform the configured platform, or {@code null} to detect it
	 * @return the script's location, with {@code <platform>} left in it when the platform
	 * cannot be told
	 */
	public static String schemaScript(DataSource dataSource, @Nullable String platform) {
		PlatformPlaceholderDatabaseDriverResolver resolver = new PlatformPlaceholderDatabaseDriverResolver();
		try {
			List<String> locations = (platform != null && !platform.isBlank())
					? resolver.resolveAll(platform, SCHEMA_LOCATION) : resolver.resolveAll(dataSource, SCHEMA_LOCATION);
			return locations.get(0);
		}
		catch (RuntimeException ex) {
			return SCHEMA_LOCATION.replace("@@platform@@", "<platform>");
		}
	}

	@Override
	protected void runScripts(Scripts scripts) {
		ResourceDatabasePopulator populator = new ResourceDatabasePopulator();
		populator.setContinueOnError(scripts.isContinueOnError());
		populator.setSeparator(scripts.getSeparator());
		if (scripts.getEncoding() != null) {
			populator.setSqlScriptEncoding(scripts.getEncoding().name());
		}
		List<Resource> rewritten = new ArrayList<>();
		for (Resource script : scripts) {
			rewritten.add(new ByteArrayResource(this.tables.rewrite(read(script, scripts)).getBytes(charset(scripts)),
					script.getDescription()));
		}
		populator.setScripts(rewritten.toArray(Resource[]::new));
		customize(populator);
		DatabasePopulatorUtils.execute(populator, getDataSource());
	}

	private static String read(Resource script, Scripts scripts) {
		try {
			return StreamUtils.copyToString(script.getInputStream(), charset(scripts));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + script.getDescription(), ex);
		}
	}

	private static Charset charset(Scripts scripts) {
		return (scripts.getEncoding() != null) ? scripts.getEncoding() : StandardCharsets.UTF_8;
	}

}
