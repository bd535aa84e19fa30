package io.github.permissionmanager.reliability;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.github.permissionmanager.decide.DecisionService;
import io.github.permissionmanager.decide.DefaultPermissionEvaluator;
import io.github.permissionmanager.decide.DefaultPermissionManager;
import io.github.permissionmanager.decide.GrantSnapshotCache;
import io.github.permissionmanager.decide.Roles;
import io.github.permissionmanager.store.ChangeLog;
import io.github.permissionmanager.store.JdbcPermissionGrants;
import io.github.permissionmanager.store.JdbcSubjectGrantsLoader;
import io.github.permissionmanager.store.PermissionStoreSchemaInitializer;
import io.github.permissionmanager.store.StoreTables;

import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The grant store wired as the auto-configuration wires it, on one database and under a
 * table prefix of the test's own, with its tables emptied.
 *
 * @param jdbc a client on the database
 * @param tables the table names
 * @param grants the management API
 * @param cache the decision cache
 * @param manager the check API
 */
record Store(JdbcClient jdbc, StoreTables tables, JdbcPermissionGrants grants, GrantSnapshotCache cache,
		DefaultPermissionManager manager) {

	static Store on(DataSource dataSource, String prefix, Map<String, List<String>> roleDefinitions, Clock clock) {
		StoreTables tables = new StoreTables(prefix);
		PermissionStoreSchemaInitializer initializer = new PermissionStoreSchemaInitializer(dataSource,
				DatabaseInitializationMode.ALWAYS, null, tables);
		initializer.setResourceLoader(new DefaultResourceLoader());
		initializer.initializeDatabase();
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setQueryTimeout(10);
		JdbcClient jdbc = JdbcClient.create(template);
		for (String table : tables.all()) {
			jdbc.sql("DELETE FROM " + table).update();
		}
		Roles roles = new Roles(roleDefinitions);
		GrantSnapshotCache cache = new GrantSnapshotCache(new JdbcSubjectGrantsLoader(jdbc, tables), roles, clock,
				Duration.ofMinutes(10), 10_000);
		DecisionService decisions = new DecisionService(new DefaultPermissionEvaluator(cache), (event) -> {
		}, false);
		JdbcPermissionGrants grants = new JdbcPermissionGrants(jdbc, tables,
				new TransactionTemplate(new JdbcTransactionManager(dataSource)), cache, roles, clock,
				new ChangeLog(jdbc, tables, clock, Duration.ofSeconds(30), List.of()));
		return new Store(jdbc, tables, grants, cache, new DefaultPermissionManager(decisions, cache));
	}

	void drop() {
		for (String table : this.tables.all()) {
			this.jdbc.sql("DROP TABLE IF EXISTS " + table).update();
		}
	}

	int auditRows(String action) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + this.tables.audit() + " WHERE action = :action")
			.param("action", action)
			.query(Integer.class)
			.single();
	}

}
