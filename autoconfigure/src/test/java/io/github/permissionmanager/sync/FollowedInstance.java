package io.github.permissionmanager.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.github.permissionmanager.decide.DecisionService;
import io.github.permissionmanager.decide.DefaultPermissionEvaluator;
import io.github.permissionmanager.decide.DefaultPermissionManager;
import io.github.permissionmanager.decide.GrantSnapshotCache;
import io.github.permissionmanager.decide.Roles;
import io.github.permissionmanager.store.ChangeLog;
import io.github.permissionmanager.store.JdbcPermissionGrants;
import io.github.permissionmanager.store.JdbcSubjectGrantsLoader;
import io.github.permissionmanager.store.StoreTables;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
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
 */
record FollowedInstance(Breakable dataSource, GrantSnapshotCache cache, DefaultPermissionManager manager,
		JdbcPermissionGrants grants, ChangeFollower follower, TransactionTemplate transactions) {

	static FollowedInstance on(DataSource database, StoreTables tables, SyncSettings settings) {
		Breakable dataSource = new Breakable(database);
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setQueryTimeout(5);
		JdbcClient jdbc = JdbcClient.create(template);
		Roles roles = new Roles(Map.of());
		Clock clock = Clock.systemUTC();
		GrantSnapshotCache cache = new GrantSnapshotCache(new JdbcSubjectGrantsLoader(jdbc, tables), roles, clock,
				Duration.ofMinutes(10), 10_000);
		DecisionService decisions = new DecisionService(new DefaultPermissionEvaluator(cache), (event) -> {
		}, false);
		ChangeLog log = new ChangeLog(jdbc, tables, clock, settings.gapTimeout().dividedBy(2), List.of());
		TransactionTemplate transactions = new TransactionTemplate(new JdbcTransactionManager(dataSource));
		JdbcPermissionGrants grants = new JdbcPermissionGrants(jdbc, tables, transactions, cache, roles, clock, log);
		ChangeFollower follower = new ChangeFollower(log, cache, settings, UUID.randomUUID().toString(), clock);
		return new FollowedInstance(dataSource, cache, new DefaultPermissionManager(decisions, cache), grants, follower,
				transactions);
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
