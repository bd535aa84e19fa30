package io.github.permissionmanager.store;

import org.springframework.dao.DataAccessException;

/**
 * A table of the change log does not exist (or cannot be read) when the application
 * starts. Every grant change writes to the change log and every instance follows it, so
 * without it no change could be made and no cache could be kept true: the application
 * does not start. Typically {@code permission-manager.store.initialize-schema=never} with
 * migrations that predate the change log.
 */
public class MissingChangeLogTableException extends StoreConfigurationException {

	private final String table;

	private final String schemaScript;

	/**
	 * Create an exception.
	 * @param table the table that is missing, with its prefix
	 * @param schemaScript the schema script that creates it, for this database
	 * @param cause what the database answered
	 */
	public MissingChangeLogTableException(String table, String schemaScript, DataAccessException cause) {
		super("The permission change log table '" + table + "' does not exist or cannot be read ("
				+ cause.getMostSpecificCause().getMessage() + "). Every grant change is written to it and every "
				+ "instance follows it, so the application cannot start without it",
				"Set permission-manager.store.initialize-schema=always to run " + schemaScript
						+ " at startup (it creates only what is missing), or add that script's statements for '" + table
						+ "' to your migrations (with the table names of " + "permission-manager.store.table-prefix).",
				cause);
		this.table = table;
		this.schemaScript = schemaScript;
	}

	/**
	 * The table that is missing.
	 * @return its name, with the prefix
	 */
	public String getTable() {
		return this.table;
	}

	/**
	 * The schema script that creates it.
	 * @return its location
	 */
	public String getSchemaScript() {
		return this.schemaScript;
	}

}
