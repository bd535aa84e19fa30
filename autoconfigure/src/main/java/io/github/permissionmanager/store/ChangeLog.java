package io.github.permissionmanager.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import io.github.permissionmanager.Grantee;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.PermissionDeniedDataAccessException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.Assert;

/**
 * The store's change log: one row per user or group whose grants or memberships changed,
 * written in the transaction of the change, with an increasing position (the row's
 * identity). Instances follow it to drop the cached decisions a change on another
 * instance made stale.
 * <p>
 * Positions are handed out when a row is inserted, not when it commits, so a follower can
 * see position 11 before 10 commits. Followers keep such holes open for
 * {@code gap-timeout}; to make that bound hold, a transaction that writes a change must
 * commit within {@code maxOpen} (half the gap timeout) of writing it, or it is rolled
 * back at commit.
 * <p>
 * Followers record how far they have read ({@link #heartbeat}); {@link #prune} removes
 * only rows older than the retention that every follower heard from within the retention
 * has read.
 */
public final class ChangeLog {

	private static final Log logger = LogFactory.getLog(ChangeLog.class);

	private final JdbcClient jdbc;

	private final StoreTables tables;

	private final Clock clock;

	private final Duration maxOpen;

	private final List<ChangeSignal> signals;

	/**
	 * Create a change log.
	 * @param jdbc the client, with the store's query timeout
	 * @param tables the table names
	 * @param clock the clock rows are stamped with
	 * @param maxOpen how long a transaction that wrote a change may stay open before
	 * commit
	 * @param signals told of each change inside its transaction
	 */
	public ChangeLog(JdbcClient jdbc, StoreTables tables, Clock clock, Duration maxOpen, List<ChangeSignal> signals) {
		Assert.notNull(jdbc, "jdbc cannot be null");
		Assert.notNull(tables, "tables cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		Assert.isTrue(maxOpen != null && !maxOpen.isNegative() && !maxOpen.isZero(), "maxOpen must be positive");
		Assert.notNull(signals, "signals cannot be null");
		this.jdbc = jdbc;
		this.tables = tables;
		this.clock = clock;
		this.maxOpen = maxOpen;
		this.signals = List.copyOf(signals);
	}

	/**
	 * Write one row per grantee, in the current transaction.
	 * @param grantees the users and groups that changed, not empty
	 * @return the position of the last row written
	 */
	long append(Set<Grantee> grantees) {
		long position = 0;
		for (Grantee grantee : grantees) {
			KeyHolder key = new GeneratedKeyHolder();
			this.jdbc
				.sql("INSERT INTO " + this.tables.changes()
						+ " (grantee_kind, grantee_name, changed_at) VALUES (:kind, :name, :at)")
				.param("kind", grantee.kind().name())
				.param("name", grantee.name())
				.param("at", GrantRows.utc(this.clock.instant()))
				.update(key, "id");
			position = Math.max(position, Objects.requireNonNull(key.getKey(), "no generated position").longValue());
		}
		commitWithinMaxOpen();
		for (ChangeSignal signal : this.signals) {
			signal.changed(position);
		}
		return position;
	}

	private void commitWithinMaxOpen() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		long written = System.nanoTime();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void beforeCommit(boolean readOnly) {
				Duration open = Duration.ofNanos(System.nanoTime() - written);
				if (open.compareTo(ChangeLog.this.maxOpen) > 0) {
					// Followers give up waiting for a position after the gap timeout:
					// committing now could hide this change from them, so it does not
					// commit at all
					throw new IllegalStateException("A grant change stayed uncommitted for " + open.toMillis()
							+ " ms, longer than " + ChangeLog.this.maxOpen.toMillis()
							+ " ms (half of permission-manager.cache.sync.gap-timeout): rolled back");
				}
			}
		});
	}

	/**
	 * Make sure the tables of the log exist and can be read; run at startup by what uses
	 * them. A database that does not answer is not a missing table: it is logged, and
	 * checks and the follower deal with it as with any outage.
	 * @param followers whether the followers table is needed too (followers record how
	 * far they have read there), or only the changes table (which every change writes)
	 * @param schemaScript the schema script that creates the tables on this database, for
	 * the message (asked only when a table is missing)
	 * @throws MissingChangeLogTableException when a table does not exist or cannot be
	 * read
	 */
	public void requireTables(boolean followers, Supplier<String> schemaScript) {
		List<String> needed = followers ? List.of(this.tables.changes(), this.tables.followers())
				: List.of(this.tables.changes());
		for (String table : needed) {
			try {
				this.jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE 1 = 0").query(Long.class).single();
			}
			catch (BadSqlGrammarException | PermissionDeniedDataAccessException ex) {
				throw new MissingChangeLogTableException(table, schemaScript.get(), ex);
			}
			catch (DataAccessException ex) {
				logger.warn("Could not make sure the permission change log table '" + table + "' exists: "
						+ ex.getMessage());
				return;
			}
		}
	}

	/**
	 * The position of the latest committed change.
	 * @return the position, {@code 0} when there is none
	 */
	public long latest() {
		return this.jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM " + this.tables.changes()).query(Long.class).single();
	}

	/**
	 * Where a new follower starts: the latest position written before a time. Changes
	 * after it are read again, which is harmless, so that none still uncommitted at
	 * startup is missed.
	 * @param before the time, the gap timeout ago
	 * @return the position, {@code 0} when there is none
	 */
	public long startingPosition(Instant before) {
		return this.jdbc
			.sql("SELECT COALESCE(MAX(id), 0) FROM " + this.tables.changes() + " WHERE changed_at < :before")
			.param("before", GrantRows.utc(before))
			.query(Long.class)
			.single();
	}

	/**
	 * The committed changes after a position, oldest first.
	 * @param position the position
	 * @param limit how many rows at most
	 * @return the changes
	 */
	public List<Change> after(long position, int limit) {
		return this.jdbc
			.sql("SELECT id, grantee_kind, grantee_name FROM " + this.tables.changes()
					+ " WHERE id > :position ORDER BY id LIMIT " + limit)
			.param("position", position)
			.query((rs, row) -> new Change(rs.getLong("id"),
					new Grantee(Grantee.Kind.valueOf(rs.getString("grantee_kind")), rs.getString("grantee_name"))))
			.list();
	}

	/**
	 * The committed changes at some positions (holes a follower is waiting for).
	 * @param positions the positions, at most a few hundred
	 * @return the changes among them that are committed
	 */
	public List<Change> at(Collection<Long> positions) {
		if (positions.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("SELECT id, grantee_kind, grantee_name FROM " + this.tables.changes() + " WHERE id IN (:positions)")
			.param("positions", List.copyOf(positions))
			.query((rs, row) -> new Change(rs.getLong("id"),
					new Grantee(Grantee.Kind.valueOf(rs.getString("grantee_kind")), rs.getString("grantee_name"))))
			.list();
	}

	/**
	 * Record how far a follower has read.
	 * @param instance the follower's instance id
	 * @param followedTo the position up to which it has read every change
	 * @return {@code false} when the follower was not known (new, or forgotten after
	 * being silent longer than the retention, when rows it had not read may be gone)
	 */
	public boolean heartbeat(String instance, long followedTo) {
		Object now = GrantRows.utc(this.clock.instant());
		int updated = this.jdbc
			.sql("UPDATE " + this.tables.followers()
					+ " SET followed_to = :to, seen_at = :at WHERE instance_id = :instance")
			.param("to", followedTo)
			.param("at", now)
			.param("instance", instance)
			.update();
		if (updated > 0) {
			return true;
		}
		this.jdbc
			.sql("INSERT INTO " + this.tables.followers()
					+ " (instance_id, followed_to, seen_at) VALUES (:instance, :to, :at)")
			.param("instance", instance)
			.param("to", followedTo)
			.param("at", now)
			.update();
		return false;
	}

	/**
	 * Forget followers silent for longer than the retention, then remove the rows older
	 * than it that every remaining follower has read.
	 * @param retention how long rows and silent followers are kept
	 * @return the number of rows removed
	 */
	public int prune(Duration retention) {
		Object before = GrantRows.utc(this.clock.instant().minus(retention));
		this.jdbc.sql("DELETE FROM " + this.tables.followers() + " WHERE seen_at < :before")
			.param("before", before)
			.update();
		long slowest = this.jdbc.sql("SELECT COALESCE(MIN(followed_to), -1) FROM " + this.tables.followers())
			.query(Long.class)
			.single();
		if (slowest < 0) {
			return 0;
		}
		return this.jdbc.sql("DELETE FROM " + this.tables.changes() + " WHERE id <= :slowest AND changed_at < :before")
			.param("slowest", slowest)
			.param("before", before)
			.update();
	}

	/**
	 * One row of the log.
	 *
	 * @param position its position
	 * @param grantee the user or group that changed
	 */
	public record Change(long position, Grantee grantee) {
	}

}
