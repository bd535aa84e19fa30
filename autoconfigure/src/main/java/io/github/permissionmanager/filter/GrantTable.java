package io.github.permissionmanager.filter;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.github.permissionmanager.PermissionEvaluationException;
import io.github.permissionmanager.store.StoreTables;
import jakarta.persistence.criteria.CriteriaBuilder;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.function.SingletonSupplier;

/**
 * The grant store's table as list filters query it, for subjects with more object grants
 * than an {@code IN} list should hold: its name, the database it lives in, and the clock
 * that decides expiry (the one checks use, read anew for every query built).
 */
public final class GrantTable {

	private final StoreTables tables;

	private final Supplier<Optional<SqlDialect>> dialect;

	private final Clock clock;

	private final Predicate<CriteriaBuilder> sharesDatabase;

	/**
	 * Describe the grant table.
	 * @param tables the store's table names
	 * @param databaseProductName the product name of the store's database (asked once, on
	 * first use)
	 * @param clock the clock checks decide expiry with
	 * @param sharesDatabase whether the entities a JPA query reads through a
	 * {@code CriteriaBuilder} live in the store's database, so that one statement can
	 * join both
	 */
	public GrantTable(StoreTables tables, Supplier<String> databaseProductName, Clock clock,
			Predicate<CriteriaBuilder> sharesDatabase) {
		Assert.notNull(tables, "tables cannot be null");
		Assert.notNull(databaseProductName, "databaseProductName cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		Assert.notNull(sharesDatabase, "sharesDatabase cannot be null");
		this.tables = tables;
		this.dialect = SingletonSupplier.of(() -> Optional.ofNullable(SqlDialect.of(databaseProductName.get())));
		this.clock = clock;
		this.sharesDatabase = sharesDatabase;
	}

	String name() {
		return this.tables.grants();
	}

	/**
	 * The dialect of the store's database.
	 * @return the dialect, or {@code null} when the store's database is not one a filter
	 * can write SQL for
	 */
	@Nullable SqlDialect dialect() {
		try {
			return this.dialect.get().orElse(null);
		}
		catch (RuntimeException ex) {
			throw new PermissionEvaluationException("Could not find out which database the grant store uses", ex);
		}
	}

	/**
	 * Now, as checks see it, in the form the store keeps expiry times (UTC, to the
	 * microsecond).
	 */
	LocalDateTime now() {
		return LocalDateTime.ofInstant(this.clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
	}

	boolean sharesDatabase(CriteriaBuilder builder) {
		return this.sharesDatabase.test(builder);
	}

}
