package io.github.permissionmanager.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.util.UUID;

import javax.sql.DataSource;

import io.github.permissionmanager.decide.DefaultPermissionEvaluator;
import io.github.permissionmanager.decide.DefaultPermissionManager;
import io.github.permissionmanager.decide.GrantSnapshotCache;
import io.github.permissionmanager.decide.Roles;
import io.github.permissionmanager.filter.DefaultPermissionFilters;
import io.github.permissionmanager.filter.GrantTable;
import io.github.permissionmanager.store.JdbcPermissionGrants;
import io.github.permissionmanager.store.StoreTables;
import io.github.permissionmanager.store.StoreWiring;

import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One instance on a shared store, wired as the auto-configuration wires it, with a
 * follower the test polls by hand (no thread) and a DataSource that can be taken down.
 *
 * @param dataSource the instance's connections, which can be taken down
 * @param cache its decision cache
 * @param manager its check API
 * @param grants its management API
 * @param follower its change log follower
 * @param transactions transactions on its DataSource
 * @param filters its list filters, for explicit subjects
 */
record FollowedInstance(Breakable dataSource, GrantSnapshotCache cache, DefaultPermissionManager manager,
		JdbcPermissionGrants grants, ChangeFollower follower, TransactionTemplate transactions,
		DefaultPermissionFilters filters) {

	static FollowedInstance on(DataSource database, StoreTables tables, SyncSettings settings) {
		Breakable dataSource = new Breakable(database);
		Clock clock = Clock.systemUTC();
		StoreWiring store = StoreWiring.on(dataSource, tables, Roles.none(), clock, 5, 10_000,
				settings.gapTimeout().dividedBy(2));
		ChangeFollower follower = new ChangeFollower(store.changeLog(), store.cache(), settings,
				UUID.randomUUID().toString(), clock);
		DefaultPermissionEvaluator evaluator = new DefaultPermissionEvaluator(store.cache());
		DefaultPermissionFilters filters = new DefaultPermissionFilters(store.cache(), () -> evaluator,
				() -> (authentication) -> {
					throw new IllegalStateException("these filters are for explicit subjects");
				}, DefaultConversionService.getSharedInstance(), 1000,
				new GrantTable(tables, () -> "H2", clock, (builder) -> true));
		return new FollowedInstance(dataSource, store.cache(), store.manager((event) -> {
		}, false, clock), store.grants(), follower, new TransactionTemplate(store.transactionManager()), filters);
	}

	/**
	 * Connections that can be refused, as from a database that stopped answering.
	 */
	static final class Breakable extends DelegatingDataSource {

		private volatile boolean down;

		Breakable(DataSource target) {
			super(target);
		}

		void down() {
			this.down = true;
		}

		void up() {
			this.down = false;
		}

		@Override
		public Connection getConnection() throws SQLException {
			if (this.down) {
				throw new SQLTransientConnectionException("Connection refused: the database is down", "08001");
			}
			return super.getConnection();
		}

	}

}
