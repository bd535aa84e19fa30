package io.github.permissionmanager.filter;

import java.math.BigInteger;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.jdbc.DatabaseDriver;

/**
 * How a filter writes SQL against the grant table on each database the store supports:
 * how a row's id becomes the text a grant's {@code resource_id} holds, compared exactly
 * as a check compares {@code toString()} (case, trailing spaces and all).
 */
enum SqlDialect {

	// H2 runs a correlated EXISTS once per row with the plan it chose without statistics,
	// often the grantee index (every grant of the user scanned for every row): an
	// uncorrelated IN is evaluated once per statement and probed per row
	H2(false, "VARCHAR", null, true, true), POSTGRESQL(false, "VARCHAR", null, false, true),

	// The default collations ignore case and trailing spaces: compare with the store's
	// own binary, no-pad collation, which also keeps its index usable
	MARIADB(true, "CHAR CHARACTER SET utf8mb4", "utf8mb4_nopad_bin"),
	MYSQL(true, "CHAR CHARACTER SET utf8mb4", "utf8mb4_0900_bin");

	// Types whose toString() is what the databases print when casting them to text
	private static final Set<Class<?>> NUMBERS = Set.of(Long.class, Integer.class, Short.class, Byte.class,
			BigInteger.class);

	// Types bound as arrays of the column's own type whatever the entity mapping
	private static final Set<Class<?>> ARRAY_TYPES = Set.of(String.class, Long.class, Integer.class, Short.class);

	private final boolean stringsCompareLoosely;

	private final String text;

	private final @Nullable String collation;

	private final boolean grantsSelectedOnce;

	private final boolean bindsArrays;

	SqlDialect(boolean stringsCompareLoosely, String text) {
		this(stringsCompareLoosely, text, null);
	}

	SqlDialect(boolean stringsCompareLoosely, String text, @Nullable String collation) {
		this(stringsCompareLoosely, text, collation, false, false);
	}

	SqlDialect(boolean stringsCompareLoosely, String text, @Nullable String collation, boolean grantsSelectedOnce,
			boolean bindsArrays) {
		this.stringsCompareLoosely = stringsCompareLoosely;
		this.text = text;
		this.collation = collation;
		this.grantsSelectedOnce = grantsSelectedOnce;
		this.bindsArrays = bindsArrays;
	}

	/**
	 * The dialect of a database.
	 * @param productName the product name its driver reports
	 * @return the dialect, or {@code null} for a database the store does not support
	 */
	static @Nullable SqlDialect of(String productName) {
		return switch (DatabaseDriver.fromProductName(productName)) {
			case H2 -> H2;
			case POSTGRESQL -> POSTGRESQL;
			case MARIADB -> MARIADB;
			case MYSQL -> MYSQL;
			default -> null;
		};
	}

	/**
	 * Whether strings compare ignoring case or trailing spaces by default, so that string
	 * ids must be compared byte for byte.
	 * @return whether they do
	 */
	boolean stringsCompareLoosely() {
		return this.stringsCompareLoosely;
	}

	/**
	 * Whether the grant table is looked up with an uncorrelated {@code IN} (the subject's
	 * object ids selected once per statement, each row's id probed in them) rather than a
	 * correlated {@code EXISTS} (the grant table's index probed per row, or the join the
	 * planner prefers).
	 * @return whether the ids are selected once
	 */
	boolean grantsSelectedOnce() {
		return this.grantsSelectedOnce;
	}

	/**
	 * Whether a list of ids of a type is bound as one array parameter
	 * ({@code attribute = ANY(?)}): the database has arrays, and the type is a string or
	 * a whole number of the JDBC types, which maps to one column type whatever the entity
	 * (a UUID may be kept as text or bytes, an enum as its name or ordinal, and those
	 * keep one parameter per id, mapped as the attribute is).
	 * @param type the (boxed) Java type of the ids
	 * @return whether it is
	 */
	boolean bindsArrays(Class<?> type) {
		return this.bindsArrays && ARRAY_TYPES.contains(type);
	}

	/**
	 * The SQL type of the elements of an array of ids of a type, as
	 * {@link java.sql.Connection#createArrayOf} names it.
	 * @param type a type whose ids {@link #bindsArrays bind as an array}
	 * @return the element type
	 */
	String arrayElementType(Class<?> type) {
		if (type == Long.class) {
			return "bigint";
		}
		if (type == Integer.class) {
			return "integer";
		}
		if (type == Short.class) {
			return "smallint";
		}
		return "varchar";
	}

	/**
	 * Whether values of a type print, when cast to text in SQL, as their
	 * {@code toString()}: strings, whole numbers, and UUIDs where the database has a UUID
	 * type (MySQL stores them as bytes).
	 * @param type the Java type of the attribute
	 * @return whether the grant table can be matched against it
	 */
	boolean printsAsJava(Class<?> type) {
		return type == String.class || NUMBERS.contains(type) || (type == UUID.class && this != MYSQL);
	}

	/**
	 * An SQL expression of a row's value as text comparable, exactly, with a column of
	 * the grant table.
	 * @param expression the value's SQL (a column, or a placeholder)
	 * @param type the Java type of the value
	 * @return the expression
	 */
	String asText(String expression, Class<?> type) {
		String text = (type == String.class) ? expression : "CAST(" + expression + " AS " + this.text + ")";
		if (this.collation == null) {
			return text;
		}
		return ((type == String.class) ? "CONVERT(" + text + " USING utf8mb4)" : text) + " COLLATE " + this.collation;
	}

}
