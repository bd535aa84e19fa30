package io.github.permissionmanager.store;

import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The store's {@link JdbcTemplate}: every statement gets the evaluation timeout, but a
 * statement whose connection has it already is not told again. A driver may run a command
 * for each {@link Statement#setQueryTimeout(int)}: H2's is a {@code SET} that also
 * empties the statement cache of every session, so each check's load was parsed anew. A
 * transaction's own timeout still wins, as with {@link JdbcTemplate}.
 */
public final class StoreJdbcTemplate extends JdbcTemplate {

	private final int timeoutSeconds;

	/**
	 * Create a template.
	 * @param dataSource the store's data source
	 * @param timeoutSeconds the timeout of every statement, in seconds (at least 1)
	 */
	public StoreJdbcTemplate(DataSource dataSource, int timeoutSeconds) {
		super(dataSource);
		this.timeoutSeconds = Math.max(1, timeoutSeconds);
	}

	@Override
	protected void applyStatementSettings(Statement stmt) throws SQLException {
		// no query timeout of the template's own: only a transaction's, when it has one
		super.applyStatementSettings(stmt);
		Object resource = TransactionSynchronizationManager.getResource(obtainDataSource());
		if (resource instanceof ConnectionHolder holder && holder.hasTimeout()) {
			return;
		}
		if (stmt.getQueryTimeout() != this.timeoutSeconds) {
			stmt.setQueryTimeout(this.timeoutSeconds);
		}
	}

}
