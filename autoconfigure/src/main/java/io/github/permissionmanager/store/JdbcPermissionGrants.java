package io.github.permissionmanager.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import io.github.permissionmanager.ConsistencyToken;
import io.github.permissionmanager.Grant;
import io.github.permissionmanager.GrantQuery;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionGrants;
import io.github.permissionmanager.caller.CurrentCaller;
import io.github.permissionmanager.decide.GrantChangeListener;
import io.github.permissionmanager.decide.GrantImplication;
import io.github.permissionmanager.decide.Roles;
import org.jspecify.annotations.Nullable;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.Assert;

/**
 * {@link PermissionGrants} on the JDBC store. Every method that writes runs in one
 * transaction (joining the caller's, if any) with its audit rows; grants are validated
 * before anything is written, so a batch with one invalid grant writes nothing. The
 * {@link GrantChangeListener} hears of each change when it is written and again when the
 * transaction completes, committed or rolled back; the {@link ChangeLog} gets its rows in
 * the transaction.
 */
public final class JdbcPermissionGrants implements PermissionGrants {

	// Two identical grants at once: the second insert meets the first's row; run the
	// transaction again, once and at once, and it finds the row. Inside a caller's
	// transaction there is nothing to run again, so the caller sees the
	// DuplicateKeyException.
	private static final RetryTemplate DUPLICATES = new RetryTemplate(RetryPolicy.builder()
		.maxRetries(1)
		.delay(Duration.ZERO)
		.predicate((ex) -> ex instanceof DuplicateKeyException
				&& !TransactionSynchronizationManager.isActualTransactionActive())
		.build());

	private final JdbcClient jdbc;

	private final StoreTables tables;

	private final TransactionOperations transactions;

	private final ChangeRecorder changes;

	private final Clock clock;

	private final AuditTrail audit;

	private final GrantMatcher matcher;

	private final GrantHolders holders;

	/**
	 * Create the store's management API.
	 * @param jdbc the client, with the store's query timeout
	 * @param tables the table names
	 * @param transactions runs each change in a transaction
	 * @param listener told of every change (the decision cache)
	 * @param roles the roles, for validation and for {@link #users}/{@link #groups} (read
	 * through an implication of this store's own)
	 * @param clock the clock for creation times, audit rows and expiry
	 * @param changeLog gets one row per changed grantee, in the transaction of the change
	 */
	public JdbcPermissionGrants(JdbcClient jdbc, StoreTables tables, TransactionOperations transactions,
			GrantChangeListener listener, Roles roles, Clock clock, ChangeLog changeLog) {
		this(jdbc, tables, transactions, listener, new GrantImplication(roles), clock, changeLog, new CurrentCaller());
	}

	/**
	 * Create the store's management API.
	 * @param jdbc the client, with the store's query timeout
	 * @param tables the table names
	 * @param transactions runs each change in a transaction
	 * @param listener told of every change (the decision cache)
	 * @param implication what a grant implies, roles and wildcards included, for
	 * validation and for {@link #users}/{@link #groups}: the one the checks use
	 * @param clock the clock for creation times, audit rows and expiry
	 * @param changeLog gets one row per changed grantee, in the transaction of the change
	 * @param caller tells who makes each change, for the audit trail
	 */
	public JdbcPermissionGrants(JdbcClient jdbc, StoreTables tables, TransactionOperations transactions,
			GrantChangeListener listener, GrantImplication implication, Clock clock, ChangeLog changeLog,
			CurrentCaller caller) {
		Assert.notNull(jdbc, "jdbc cannot be null");
		Assert.notNull(tables, "tables cannot be null");
		Assert.notNull(transactions, "transactions cannot be null");
		Assert.notNull(listener, "listener cannot be null");
		Assert.notNull(implication, "implication cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		Assert.notNull(changeLog, "changeLog cannot be null");
		Assert.notNull(caller, "caller cannot be null");
		this.jdbc = jdbc;
		this.tables = tables;
		this.transactions = transactions;
		this.changes = new ChangeRecorder(listener, changeLog);
		this.clock = clock;
		this.audit = new AuditTrail(jdbc, tables, clock, caller);
		this.matcher = new GrantMatcher(implication);
		this.holders = new GrantHolders(jdbc, tables, this.matcher, clock);
	}

	@Override
	public ConsistencyToken grant(Grant grant) {
		return grantAll(List.of(grant));
	}

	@Override
	public ConsistencyToken grantAll(Collection<Grant> grants) {
		Assert.notNull(grants, "grants cannot be null");
		List<Grant> valid = validated(grants);
		return retryingDuplicates(() -> this.transactions.execute((status) -> {
			Set<Grantee> changed = new LinkedHashSet<>();
			for (Grant grant : valid) {
				if (write(grant)) {
					changed.add(grant.grantee());
				}
			}
			return this.changes.changed(changed);
		}));
	}

	private ConsistencyToken retryingDuplicates(Supplier<@Nullable ConsistencyToken> change) {
		return DUPLICATES.invoke(() -> Objects.requireNonNull(change.get()));
	}

	@Override
	public ConsistencyToken revoke(Grant grant) {
		return revokeAll(List.of(grant));
	}

	@Override
	public ConsistencyToken revokeAll(Collection<Grant> grants) {
		Assert.notNull(grants, "grants cannot be null");
		// validated like a grant, so a revoke names exactly what a grant could have
		// stored
		List<Grant> all = validated(grants);
		return Objects.requireNonNull(this.transactions.execute((status) -> {
			Set<Grantee> changed = new LinkedHashSet<>();
			for (Grant grant : all) {
				if (delete(grant)) {
					changed.add(grant.grantee());
				}
			}
			return this.changes.changed(changed);
		}));
	}

	private List<Grant> validated(Collection<Grant> grants) {
		List<Grant> valid = new ArrayList<>(grants.size());
		for (Grant grant : grants) {
			Assert.notNull(grant, "grants cannot contain null");
			this.matcher.validate(grant);
			valid.add(grant);
		}
		return valid;
	}

	private boolean write(Grant grant) {
		String key = GrantKey.of(grant);
		Optional<Optional<Instant>> existing = this.jdbc
			.sql("SELECT expires_at FROM " + this.tables.grants() + " WHERE grant_key = :key")
			.param("key", key)
			.query((rs, row) -> Optional.ofNullable(GrantRows.instant(rs, "expires_at")))
			.optional();
		if (existing.isEmpty()) {
			this.jdbc
				.sql("INSERT INTO " + this.tables.grants() + " (grant_key, " + GrantRows.COLUMNS
						+ ", created_at, created_by) VALUES (:key, :kind, :name, :permission, :type, :id, :tenant, "
						+ ":expiresAt, :condition, :createdAt, :createdBy)")
				.param("key", key)
				.param("kind", grant.grantee().kind().name())
				.param("name", grant.grantee().name())
				.param("permission", grant.permission())
				.param("type", grant.resourceType())
				.param("id", grant.resourceId())
				.param("tenant", grant.tenant())
				.param("expiresAt", GrantRows.utc(grant.expiresAt()))
				.param("condition", grant.condition())
				.param("createdAt", GrantRows.utc(this.clock.instant()))
				.param("createdBy", this.audit.actor())
				.update();
		}
		else if (!Objects.equals(existing.get().orElse(null), GrantRows.micros(grant.expiresAt()))) {
			this.jdbc.sql("UPDATE " + this.tables.grants() + " SET expires_at = :expiresAt WHERE grant_key = :key")
				.param("expiresAt", GrantRows.utc(grant.expiresAt()))
				.param("key", key)
				.update();
		}
		else {
			return false;
		}
		this.audit.grant("GRANT", grant);
		return true;
	}

	private boolean delete(Grant grant) {
		Assert.notNull(grant, "grants cannot contain null");
		int deleted = this.jdbc.sql("DELETE FROM " + this.tables.grants() + " WHERE grant_key = :key")
			.param("key", GrantKey.of(grant))
			.update();
		if (deleted == 0) {
			return false;
		}
		this.audit.grant("REVOKE", grant);
		return true;
	}

	@Override
	public List<Grant> permissionsOf(Grantee grantee) {
		Assert.notNull(grantee, "grantee cannot be null");
		return this.jdbc
			.sql("SELECT " + GrantRows.COLUMNS + " FROM " + this.tables.grants()
					+ " WHERE grantee_name = :name AND grantee_kind = :kind ORDER BY id")
			.param("name", grantee.name())
			.param("kind", grantee.kind().name())
			.query((rs, row) -> Objects.requireNonNull(GrantRows.grant(rs)))
			.list();
	}

	@Override
	public Set<String> users(GrantQuery query) {
		return this.holders.users(query);
	}

	@Override
	public Set<String> groups(GrantQuery query) {
		return this.holders.groups(query);
	}

	@Override
	public ConsistencyToken addMember(String group, String user) {
		this.matcher.validateName("group", "group", group);
		this.matcher.validateName("user", "user", user);
		return retryingDuplicates(() -> this.transactions.execute((status) -> {
			Integer present = this.jdbc
				.sql("SELECT COUNT(*) FROM " + this.tables.memberships()
						+ " WHERE user_name = :user AND group_name = :group")
				.param("user", user)
				.param("group", group)
				.query(Integer.class)
				.single();
			if (present == 0) {
				this.jdbc
					.sql("INSERT INTO " + this.tables.memberships()
							+ " (group_name, user_name, created_at, created_by) VALUES (:group, :user, :at, :by)")
					.param("group", group)
					.param("user", user)
					.param("at", GrantRows.utc(this.clock.instant()))
					.param("by", this.audit.actor())
					.update();
				this.audit.membership("ADD_MEMBER", group, user);
				return this.changes.changed(Set.of(Grantee.user(user)));
			}
			return this.changes.unchanged();
		}));
	}

	@Override
	public ConsistencyToken removeMember(String group, String user) {
		Assert.hasText(group, "group cannot be empty");
		Assert.hasText(user, "user cannot be empty");
		return Objects.requireNonNull(this.transactions.execute((status) -> {
			int deleted = this.jdbc
				.sql("DELETE FROM " + this.tables.memberships() + " WHERE user_name = :user AND group_name = :group")
				.param("user", user)
				.param("group", group)
				.update();
			if (deleted > 0) {
				this.audit.membership("REMOVE_MEMBER", group, user);
				return this.changes.changed(Set.of(Grantee.user(user)));
			}
			return this.changes.unchanged();
		}));
	}

}
