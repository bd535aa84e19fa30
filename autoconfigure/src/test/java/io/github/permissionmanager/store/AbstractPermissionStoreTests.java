package io.github.permissionmanager.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import io.github.permissionmanager.PermissionDecisionEvent;
import io.github.permissionmanager.decide.DefaultPermissionManager;
import io.github.permissionmanager.decide.GrantSnapshotCache;
import io.github.permissionmanager.decide.Roles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What the store suites share: the grant store and the default evaluator wired as the
 * auto-configuration wires them, on one database. Each run uses tables of its own
 * (dropped afterwards), so builds running at once on one server never share them, and
 * they are emptied before every test.
 */
abstract class AbstractPermissionStoreTests {

	static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

	static final Roles ROLES = new Roles(Map.of("coorganizer", List.of("event:read", "event:update", "session:*"),
			"organizer", List.of("coorganizer", "event:delete")));

	protected CountingDataSource dataSource;

	protected StoreTables tables;

	protected JdbcClient jdbc;

	protected MutableClock clock;

	protected final List<PermissionDecisionEvent> events = new CopyOnWriteArrayList<>();

	protected GrantSnapshotCache cache;

	protected DefaultPermissionManager manager;

	protected JdbcTransactionManager transactionManager;

	protected JdbcPermissionGrants grants;

	/**
	 * The database under test, registered by each per-database suite as a static
	 * extension.
	 * @return the database
	 */
	protected abstract StoreDatabase storeDatabase();

	protected DataSource database() {
		return storeDatabase().dataSource();
	}

	protected String tablePrefix() {
		return storeDatabase().tablePrefix();
	}

	static String uniquePrefix(String platform) {
		return StoreDatabase.uniquePrefix(platform);
	}

	static void dropTables(DataSource database, String prefix) {
		StoreTables tables = new StoreTables(prefix);
		JdbcClient jdbc = JdbcClient.create(database);
		for (String table : tables.all()) {
			jdbc.sql("DROP TABLE IF EXISTS " + table).update();
		}
	}

	protected AutoCloseable blockReads(String grantsTable) throws Exception {
		return storeDatabase().blockReads(grantsTable);
	}

	protected boolean embedded() {
		return storeDatabase().embedded();
	}

	@BeforeEach
	void createStore() {
		this.dataSource = new CountingDataSource(database());
		this.tables = new StoreTables(tablePrefix());
		StoreWiring.createEmptyTables(this.dataSource, this.tables);
		this.clock = new MutableClock(START);
		StoreWiring store = StoreWiring.on(this.dataSource, this.tables, ROLES, this.clock, 5, 1000,
				Duration.ofSeconds(30));
		this.jdbc = store.jdbc();
		this.cache = store.cache();
		this.transactionManager = store.transactionManager();
		this.grants = store.grants();
		this.manager = store.manager((event) -> this.events.add((PermissionDecisionEvent) event), true, this.clock);
		this.dataSource.reset();
	}

	@AfterEach
	void clearSecurityContext() {
		SecurityContextHolder.clearContext();
	}

	protected int rows(String table) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
	}

	protected List<String> auditActions() {
		return this.jdbc.sql("SELECT action FROM " + this.tables.audit() + " ORDER BY id").query(String.class).list();
	}

}
