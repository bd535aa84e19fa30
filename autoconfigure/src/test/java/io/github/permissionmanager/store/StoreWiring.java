package io.github.permissionmanager.store;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import io.github.permissionmanager.caller.CurrentCaller;
import io.github.permissionmanager.decide.DecisionService;
import io.github.permissionmanager.decide.DefaultPermissionEvaluator;
import io.github.permissionmanager.decide.DefaultPermissionManager;
import io.github.permissionmanager.decide.GrantImplication;
import io.github.permissionmanager.decide.GrantSnapshotCache;
import io.github.permissionmanager.decide.Roles;

import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The grant store wired by hand the way the auto-configuration wires it, for the suites
 * that build it without an application context: statements that give up after a timeout,
 * the decision cache and the store sharing one {@link GrantImplication}, transactions on
 * the DataSource and the change log.
 *
 * @param jdbc a client on the database, with the timeout
 * @param cache the decision cache
 * @param transactionManager transactions on the DataSource
 * @param changeLog the change log the store writes
 * @param grants the management API
 */
public record StoreWiring(JdbcClient jdbc, GrantSnapshotCache cache, JdbcTransactionManager transactionManager,
		ChangeLog changeLog, JdbcPermissionGrants grants) {

	/**
	 * Wire the store on tables that exist.
	 * @param dataSource the database
	 * @param tables the table names
	 * @param roles the roles
	 * @param clock the clock of the cache, the store and its change log
	 * @param queryTimeoutSeconds how long a statement may take
	 * @param cacheSize how many subjects the cache keeps
	 * @param gapTimeout the change log's gap timeout
	 * @return the wiring
	 */
	public static StoreWiring on(DataSource dataSource, StoreTables tables, Roles roles, Clock clock,
			int queryTimeoutSeconds, long cacheSize, Duration gapTimeout) {
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setQueryTimeout(queryTimeoutSeconds);
		JdbcClient jdbc = JdbcClient.create(template);
		GrantImplication implication = new GrantImplication(roles);
		GrantSnapshotCache cache = new GrantSnapshotCache(new JdbcSubjectGrantsLoader(template, tables), implication,
				clock, Duration.ofMinutes(10), cacheSize);
		JdbcTransactionManager transactionManager = new JdbcTransactionManager(dataSource);
		ChangeLog changeLog = new ChangeLog(jdbc, tables, clock, gapTimeout, List.of());
		JdbcPermissionGrants grants = new JdbcPermissionGrants(jdbc, tables,
				new TransactionTemplate(transactionManager), cache, implication, clock, changeLog, new CurrentCaller());
		return new StoreWiring(jdbc, cache, transactionManager, changeLog, grants);
	}

	/**
	 * Create the store's tables where they are missing, and empty them.
	 * @param dataSource the database
	 * @param tables the table names
	 */
	public static void createEmptyTables(DataSource dataSource, StoreTables tables) {
		PermissionStoreSchemaInitializer initializer = new PermissionStoreSchemaInitializer(dataSource,
				DatabaseInitializationMode.ALWAYS, null, tables);
		initializer.setResourceLoader(new DefaultResourceLoader());
		initializer.initializeDatabase();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		for (String table : tables.all()) {
			jdbc.sql("DELETE FROM " + table).update();
		}
	}

	/**
	 * The check API over the cache, with the default evaluator.
	 * @param publisher where decisions are published
	 * @param publishEvents whether they are
	 * @param clock the clock of the decisions
	 * @return the check API
	 */
	public DefaultPermissionManager manager(ApplicationEventPublisher publisher, boolean publishEvents, Clock clock) {
		DecisionService decisions = new DecisionService(new DefaultPermissionEvaluator(this.cache), publisher,
				publishEvents, clock);
		return new DefaultPermissionManager(decisions, this.cache);
	}

}
