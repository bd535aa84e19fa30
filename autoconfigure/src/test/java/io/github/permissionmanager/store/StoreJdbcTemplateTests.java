package io.github.permissionmanager.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.hibernate.resource.jdbc.internal.ResourceRegistryStandardImpl;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.StatementCallback;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every statement of the store gets the evaluation timeout (or its transaction's), and a
 * connection that has it is not told again: on H2 each time is a command that empties the
 * statement cache of every session.
 */
class StoreJdbcTemplateTests {

	private static final StatementCallback<Integer> TIMEOUT = (statement) -> statement.getQueryTimeout();

	@Test
	void everyStatementGetsTheTimeout() throws SQLException {
		try (SingleConnectionDataSource dataSource = h2("every")) {
			StoreJdbcTemplate template = new StoreJdbcTemplate(dataSource, 3);
			assertThat(template.execute(TIMEOUT)).isEqualTo(3);
			assertThat(template.execute(TIMEOUT)).isEqualTo(3);
		}
	}

	@Test
	void connectionThatHasTheTimeoutIsNotToldAgain() throws SQLException {
		try (SingleConnectionDataSource dataSource = h2("again")) {
			StoreJdbcTemplate template = new StoreJdbcTemplate(dataSource, 3);
			template.queryForObject("SELECT 1", Integer.class);
			long before = metaId(dataSource.getConnection());
			for (int i = 0; i < 10; i++) {
				template.queryForObject("SELECT 1", Integer.class);
			}
			assertThat(metaId(dataSource.getConnection())).isEqualTo(before);
		}
	}

	@Test
	void timeoutLastsOnTheConnectionUntilHibernateClosesItsNextStatementThereThenTheStoreSetsItAgain()
			throws SQLException {
		try (SingleConnectionDataSource dataSource = h2("hibernate")) {
			StoreJdbcTemplate template = new StoreJdbcTemplate(dataSource, 3);
			Connection connection = dataSource.getConnection();
			template.queryForObject("SELECT 1", Integer.class);
			// on H2 the application's next statement runs with the store's timeout
			try (Statement statement = connection.createStatement()) {
				assertThat(statement.getQueryTimeout()).isEqualTo(3);
			}
			// Hibernate sets it back to 0 when it closes a statement that reports one
			ResourceRegistryStandardImpl hibernate = new ResourceRegistryStandardImpl();
			hibernate.register(connection.createStatement(), false);
			hibernate.releaseResources();
			try (Statement statement = connection.createStatement()) {
				assertThat(statement.getQueryTimeout()).isZero();
			}
			long before = metaId(connection);
			assertThat(template.execute(TIMEOUT)).isEqualTo(3);
			// setting it again was a change of the setting, seen by every session's cache
			assertThat(metaId(connection)).isGreaterThan(before);
		}
	}

	@Test
	void timeoutOfATransactionWins() throws SQLException {
		try (SingleConnectionDataSource dataSource = h2("transaction")) {
			StoreJdbcTemplate template = new StoreJdbcTemplate(dataSource, 30);
			TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
			transaction.setTimeout(2);
			Integer inTransaction = transaction.execute((status) -> template.execute(TIMEOUT));
			assertThat(inTransaction).isBetween(1, 2);
			assertThat(template.execute(TIMEOUT)).isEqualTo(30);
		}
	}

	private static SingleConnectionDataSource h2(String name) throws SQLException {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:storejdbc" + name + ";DB_CLOSE_DELAY=-1");
		return new SingleConnectionDataSource(h2.getConnection(), true);
	}

	private static long metaId(Connection connection) throws SQLException {
		return ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession()).getDatabase()
			.getModificationMetaId();
	}

}
