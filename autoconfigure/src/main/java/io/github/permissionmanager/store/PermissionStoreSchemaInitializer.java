package io.github.permissionmanager.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.jdbc.init.DatabaseInitializationProperties;
import org.springframework.boot.jdbc.init.PlatformPlaceholderDatabaseDriverResolver;
import org.springframework.boot.jdbc.init.PropertiesBasedDataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.datasource.init.DatabasePopulatorUtils;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.util.Assert;
import org.springframework.util.StreamUtils;

/**
 * Creates the store's tables at startup, like Spring Session's JDBC initializer, on
 * Boot's {@link PropertiesBasedDataSourceScriptDatabaseInitializer}:
 * {@code permission-manager.store.initialize-schema} is {@code embedded} (default: only
 * for an embedded database), {@code always} or {@code never}; {@code schema} is the
 * script, by default
 * {@code classpath:io/github/permissionmanager/store/schema-<platform>.sql} with the
 * platform detected from the DataSource (h2, postgresql, mariadb, mysql) unless
 * {@code platform} is set. Two things are its own, for reasons: the table names of the
 * script are rewritten to the configured prefix (Spring Session makes you copy the script
 * instead), and the platform is settled before Boot's base reads it, so that
 * {@code never}, or {@code embedded} on a database that cannot be told (and so is not
 * embedded), needs no platform, while a platform with no script, or {@code always} on a
 * database that cannot be told, stops the start saying what to set. The scripts create
 * only what is missing, so running them again is harmless.
 */
public class PermissionStoreSchemaInitializer
		extends PropertiesBasedDataSourceScriptDatabaseInitializer<DatabaseInitializationProperties> {

	/** Where the schema scripts are, with the platform as a placeholder. */
	public static final String SCHEMA_LOCATION = "classpath:io/github/permissionmanager/store/schema-@@platform@@.sql";

	/** The platforms with a schema script. */
	public static final List<String> PLATFORMS = List.of("h2", "postgresql", "mariadb", "mysql");

	// a platform for settings whose scripts never run: Boot's base resolves it anyway,
	// and looks for the script (optional, as it is not there)
	private static final String NOT_RUN = "none";

	private final StoreTables tables;

	/**
	 * Create an initializer.
	 * @param dataSource the store's DataSource
	 * @param properties the schema, platform, mode and error handling
	 * @param tables the table names
	 */
	public PermissionStoreSchemaInitializer(DataSource dataSource, DatabaseInitializationProperties properties,
			StoreTables tables) {
		super(dataSource, settled(dataSource, properties));
		Assert.notNull(tables, "tables cannot be null");
		this.tables = tables;
	}

	/**
	 * Create an initializer of the store's tables.
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
		this(dataSource, new Settings(location, mode, platform, false), tables);
	}

	private static DatabaseInitializationProperties settled(DataSource dataSource,
			DatabaseInitializationProperties properties) {
		DatabaseInitializationMode mode = properties.getInitializeSchema();
		String platform = properties.getPlatform();
		if (mode == DatabaseInitializationMode.NEVER) {
			return notRun(properties);
		}
		if (platform != null && !platform.isBlank()) {
			if (!PLATFORMS.contains(platform)
					&& properties.getSchema().startsWith("classpath:io/github/permissionmanager/")) {
				throw new StoreConfigurationException(
						"permission-manager.store.platform is '" + platform + "', which has no schema script",
						"Set permission-manager.store.platform to one of " + PLATFORMS
								+ ", or set permission-manager.store.initialize-schema=never and create the tables "
								+ "yourself from the script of the closest platform");
			}
			return properties;
		}
		try {
			String detected = new PlatformPlaceholderDatabaseDriverResolver().resolveAll(dataSource, "@@platform@@")
				.get(0);
			return new Settings(properties.getSchema(), mode, detected, properties.isContinueOnError());
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
			// embedded: an unknown database is not an embedded one, so nothing is run
			return notRun(properties);
		}
	}

	private static DatabaseInitializationProperties notRun(DatabaseInitializationProperties properties) {
		String schema = properties.getSchema();
		return new Settings(schema.startsWith("optional:") ? schema : "optional:" + schema,
				properties.getInitializeSchema(), NOT_RUN, properties.isContinueOnError());
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

	/**
	 * Settings given one by one, or settled from a configuration.
	 */
	private static final class Settings extends DatabaseInitializationProperties {

		private final String location;

		Settings(String location, DatabaseInitializationMode mode, @Nullable String platform, boolean continueOnError) {
			this.location = location;
			setSchema(location);
			setInitializeSchema(mode);
			if (platform != null) {
				setPlatform(platform);
			}
			setContinueOnError(continueOnError);
		}

		@Override
		public String getDefaultSchemaLocation() {
			// called by the base's field initializer, before this class's own are set
			return (this.location != null) ? this.location : SCHEMA_LOCATION;
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
