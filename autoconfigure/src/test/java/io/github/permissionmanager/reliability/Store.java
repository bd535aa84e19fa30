package io.github.permissionmanager.reliability;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.github.permissionmanager.decide.DefaultPermissionManager;
import io.github.permissionmanager.decide.GrantSnapshotCache;
import io.github.permissionmanager.decide.Roles;
import io.github.permissionmanager.store.JdbcPermissionGrants;
import io.github.permissionmanager.store.StoreTables;
import io.github.permissionmanager.store.StoreWiring;

import org.springframework.jdbc.core.simple.JdbcClient;

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
		StoreWiring.createEmptyTables(dataSource, tables);
		StoreWiring store = StoreWiring.on(dataSource, tables, new Roles(roleDefinitions), clock, 10, 10_000,
				Duration.ofSeconds(30));
		return new Store(store.jdbc(), tables, store.grants(), store.cache(), store.manager((event) -> {
		}, false, Clock.systemUTC()));
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
