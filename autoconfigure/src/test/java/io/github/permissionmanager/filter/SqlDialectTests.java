package io.github.permissionmanager.filter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a row's value is written as text for the grant table on each database: cast where
 * it is not a string, with the store's binary no-pad collation on MariaDB and MySQL, and
 * only for the types whose text is their {@code toString()}.
 */
class SqlDialectTests {

	@Test
	void theStoresDatabasesAreKnownByTheirProductNames() {
		assertThat(SqlDialect.of("H2")).isEqualTo(SqlDialect.H2);
		assertThat(SqlDialect.of("PostgreSQL")).isEqualTo(SqlDialect.POSTGRESQL);
		assertThat(SqlDialect.of("MariaDB")).isEqualTo(SqlDialect.MARIADB);
		assertThat(SqlDialect.of("MySQL")).isEqualTo(SqlDialect.MYSQL);
		assertThat(SqlDialect.of("Microsoft SQL Server")).isNull();
	}

	@Test
	void valuesAreCastToTextAndComparedByteForByteWhereCollationsAreLoose() {
		assertThat(SqlDialect.POSTGRESQL.asText("s.event_id", Long.class)).isEqualTo("CAST(s.event_id AS VARCHAR)");
		assertThat(SqlDialect.H2.asText("s.code", String.class)).isEqualTo("s.code");
		assertThat(SqlDialect.MARIADB.asText("?", Long.class))
			.isEqualTo("CAST(? AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_nopad_bin");
		assertThat(SqlDialect.MARIADB.asText("s.code", String.class))
			.isEqualTo("CONVERT(s.code USING utf8mb4) COLLATE utf8mb4_nopad_bin");
		assertThat(SqlDialect.MYSQL.asText("s.code", String.class))
			.isEqualTo("CONVERT(s.code USING utf8mb4) COLLATE utf8mb4_0900_bin");
		assertThat(SqlDialect.MARIADB.stringsCompareLoosely()).isTrue();
		assertThat(SqlDialect.POSTGRESQL.stringsCompareLoosely()).isFalse();
	}

	@Test
	void listsOfStringsAndWholeNumbersAreOneArrayParameterOnH2AndPostgres() {
		for (SqlDialect dialect : new SqlDialect[] { SqlDialect.H2, SqlDialect.POSTGRESQL }) {
			for (Class<?> type : new Class<?>[] { String.class, Long.class, Integer.class, Short.class }) {
				assertThat(dialect.bindsArrays(type)).as("%s %s", dialect, type.getName()).isTrue();
			}
			// mapped as text, bytes, names or ordinals depending on the entity
			for (Class<?> type : new Class<?>[] { UUID.class, BigDecimal.class, LocalDate.class, Thread.State.class }) {
				assertThat(dialect.bindsArrays(type)).as("%s %s", dialect, type.getName()).isFalse();
			}
		}
		assertThat(SqlDialect.MARIADB.bindsArrays(Long.class)).as("no arrays").isFalse();
		assertThat(SqlDialect.MYSQL.bindsArrays(String.class)).as("no arrays").isFalse();
	}

	@Test
	void onlyH2SelectsTheGrantsOnceInsteadOfAnExistsPerRow() {
		assertThat(SqlDialect.H2.grantsSelectedOnce()).isTrue();
		for (SqlDialect dialect : new SqlDialect[] { SqlDialect.POSTGRESQL, SqlDialect.MARIADB, SqlDialect.MYSQL }) {
			assertThat(dialect.grantsSelectedOnce()).as(dialect.name()).isFalse();
		}
	}

	@Test
	void onlyTypesPrintedAsJavaPrintsThemCanBeComparedWithTheGrantTable() {
		for (Class<?> type : new Class<?>[] { String.class, Long.class, Integer.class, Short.class, UUID.class }) {
			assertThat(SqlDialect.POSTGRESQL.printsAsJava(type)).as(type.getName()).isTrue();
		}
		assertThat(SqlDialect.MYSQL.printsAsJava(UUID.class)).as("MySQL keeps UUIDs as bytes").isFalse();
		assertThat(SqlDialect.H2.printsAsJava(BigDecimal.class)).as("1.50 may print as 1.5").isFalse();
		assertThat(SqlDialect.H2.printsAsJava(LocalDate.class)).isFalse();
	}

}
