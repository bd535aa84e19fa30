package io.github.permissionmanager.store;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.PermissionDeniedDataAccessException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Makes sure the grant and audit tables have the {@code grant_condition} column, run at
 * startup: tables created before grants could carry a condition lack it, and every check
 * would then fail to read the grants. The application does not start; the message names
 * the migration script that adds the column.
 */
public final class GrantConditionColumn {

	private static final Log logger = LogFactory.getLog(GrantConditionColumn.class);

	private GrantConditionColumn() {
	}

	/**
	 * Check the column in the grant and audit tables.
	 * @param jdbc the store's database
	 * @param tables the store's table names
	 * @param schemaScript the schema script of this database, such as
	 * {@code classpath:io/github/permissionmanager/store/schema-h2.sql}
	 * @throws StoreConfigurationException when a table lacks the column
	 */
	public static void require(JdbcClient jdbc, StoreTables tables, String schemaScript) {
		for (String table : new String[] { tables.grants(), tables.audit() }) {
			try {
				jdbc.sql("SELECT COUNT(grant_condition) FROM " + table + " WHERE 1 = 0").query(Long.class).single();
			}
			catch (BadSqlGrammarException | PermissionDeniedDataAccessException ex) {
				throw new StoreConfigurationException(
						"The permission table '" + table + "' has no column grant_condition ("
								+ ex.getMostSpecificCause().getMessage()
								+ "): it was created before grants could carry a condition",
						"Run " + migrationScript(schemaScript) + " once (it adds the column; existing grants keep "
								+ "applying as before), or add its statements to your migrations.",
						ex);
			}
			catch (DataAccessException ex) {
				// A database that does not answer is an outage, not a missing column
				logger.warn("Could not make sure the permission table '" + table + "' has the grant_condition column: "
						+ ex.getMessage());
				return;
			}
		}
	}

	static String migrationScript(String schemaScript) {
		return schemaScript.replace("schema-", "migrate-grant-condition-");
	}

}
