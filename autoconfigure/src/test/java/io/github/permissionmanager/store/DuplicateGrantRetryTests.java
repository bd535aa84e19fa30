package io.github.permissionmanager.store;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.caller.CurrentCaller;
import io.github.permissionmanager.decide.GrantImplication;
import io.github.permissionmanager.decide.GrantSnapshotCache;
import io.github.permissionmanager.decide.Roles;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A change whose insert meets the row of an identical change made at the same moment (a
 * {@link DuplicateKeyException}) runs again once, in a new transaction, and finds the
 * row; inside the caller's own transaction it is not run again, and the caller sees the
 * exception.
 */
class DuplicateGrantRetryTests {

	private static final StoreTables TABLES = new StoreTables("pm_");

	private EmbeddedDatabase database;

	private JdbcTransactionManager transactionManager;

	@BeforeEach
	void createStore() {
		this.database = new EmbeddedDatabaseBuilder().generateUniqueName(true).setType(EmbeddedDatabaseType.H2).build();
		StoreWiring.createEmptyTables(this.database, TABLES);
		this.transactionManager = new JdbcTransactionManager(this.database);
	}

	@AfterEach
	void dropStore() {
		this.database.shutdown();
	}

	@Test
	void duplicateKeyOutsideATransactionThenTheChangeRunsOnceMoreAndSucceeds() {
		AtomicInteger attempts = new AtomicInteger();
		JdbcPermissionGrants grants = grants(firstAttemptMeetsADuplicate(attempts));
		grants.grant(Grant.of(Grantee.user("bob"), "task:update").on("project", 7));
		assertThat(attempts).hasValue(2);
		assertThat(grants.permissionsOf(Grantee.user("bob"))).hasSize(1);
	}

	@Test
	void duplicateKeyInsideTheCallersTransactionThenTheCallerSeesIt() {
		AtomicInteger attempts = new AtomicInteger();
		JdbcPermissionGrants grants = grants(firstAttemptMeetsADuplicate(attempts));
		assertThatExceptionOfType(DuplicateKeyException.class)
			.isThrownBy(() -> new TransactionTemplate(this.transactionManager).executeWithoutResult(
					(status) -> grants.grant(Grant.of(Grantee.user("bob"), "task:update").on("project", 7))));
		assertThat(attempts).hasValue(1);
	}

	@Test
	void duplicateKeyTwiceThenTheSecondIsThrown() {
		AtomicInteger attempts = new AtomicInteger();
		TransactionOperations always = new TransactionOperations() {

			@Override
			public <T> @Nullable T execute(TransactionCallback<T> action) {
				attempts.incrementAndGet();
				throw new DuplicateKeyException("duplicate " + attempts.get());
			}

		};
		assertThatExceptionOfType(DuplicateKeyException.class)
			.isThrownBy(() -> grants(always).grant(Grant.of(Grantee.user("bob"), "task:update")))
			.withMessage("duplicate 2");
		assertThat(attempts).hasValue(2);
	}

	private TransactionOperations firstAttemptMeetsADuplicate(AtomicInteger attempts) {
		TransactionTemplate real = new TransactionTemplate(this.transactionManager);
		return new TransactionOperations() {

			@Override
			public <T> @Nullable T execute(TransactionCallback<T> action) {
				if (attempts.incrementAndGet() == 1) {
					throw new DuplicateKeyException("an identical grant was written at the same moment");
				}
				return real.execute((TransactionStatus status) -> action.doInTransaction(status));
			}

		};
	}

	private JdbcPermissionGrants grants(TransactionOperations transactions) {
		JdbcClient jdbc = JdbcClient.create(this.database);
		GrantImplication implication = new GrantImplication(Roles.none());
		Clock clock = Clock.systemUTC();
		GrantSnapshotCache cache = new GrantSnapshotCache(
				new JdbcSubjectGrantsLoader(new JdbcTemplate(this.database), TABLES), implication, clock,
				Duration.ofMinutes(10), 100);
		return new JdbcPermissionGrants(jdbc, TABLES, transactions, cache, implication, clock,
				new ChangeLog(jdbc, TABLES, clock, Duration.ofSeconds(30), List.of()), new CurrentCaller());
	}

}
