package io.github.permissionmanager.filtertest;

import java.util.List;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionFilters;
import io.github.permissionmanager.PermissionGrants;
import io.github.permissionmanager.SqlFilter;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.testsupport.RequiresServer;
import io.github.permissionmanager.testsupport.Server;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQL form's listed ids on each database: one array parameter where the database has
 * arrays (H2, PostgreSQL), a list parameter elsewhere (MariaDB, where string ids are also
 * compared byte for byte); the same rows either way, whole-number and string ids compared
 * exactly ({@code "07"}, {@code "C5"} and {@code "c5 "} name no row).
 */
class SqlFormFilterTests {

	@Test
	void listedIdsAreOneArrayParameterOnH2() {
		run("jdbc:h2:mem:sql-form-filter-tests;DB_CLOSE_DELAY=-1", "sa", "sqlf_", true);
	}

	@Test
	@RequiresServer(Server.POSTGRESQL)
	void listedIdsAreOneArrayParameterOnPostgres() {
		run(Server.POSTGRESQL.url(), Server.POSTGRESQL.user(), Server.uniqueTablePrefix("sqlf"), true);
	}

	@Test
	@RequiresServer(Server.MARIADB)
	void listedIdsAreAListParameterComparedExactlyOnMariaDb() {
		run(Server.MARIADB.url(), Server.MARIADB.user(), Server.uniqueTablePrefix("sqlf"), false);
	}

	private static void run(String url, String user, String prefix, boolean arrays) {
		try (ConfigurableApplicationContext context = FilterTestApplication.start(url, user, prefix,
				"permission-manager.cache.sync.mode=none")) {
			PermissionGrants grants = context.getBean(PermissionGrants.class);
			PermissionFilters filters = context.getBean(PermissionFilters.class);
			JdbcClient jdbc = JdbcClient.create(context.getBean(javax.sql.DataSource.class));
			grants.grantAll(List.of(bob("doc", 3), bob("doc", 5), bob("doc", "07"), bob("doc", "x"), bob("code", "c2"),
					bob("code", "c4"), bob("code", "C5"), bob("code", "c6 ")));
			SqlFilter byId = filters.permitted(Subject.of("bob"), "doc:read").sql("doc", "d.id", Long.class);
			SqlFilter byCode = filters.permitted(Subject.of("bob"), "doc:read").sql("code", "d.code");
			for (SqlFilter filter : List.of(byId, byCode)) {
				assertThat(filter.predicate()).contains(arrays ? " = ANY(:" : " IN (:");
				assertThat(filter.parameters().values()).first()
					.satisfies((value) -> assertThat(value instanceof SqlArrayValue).isEqualTo(arrays));
			}
			assertThat(ids(jdbc, prefix, byId)).containsExactly(3L, 5L);
			assertThat(ids(jdbc, prefix, byCode)).containsExactly(2L, 4L);
			// both in one statement, and negated: rows without a code are not admitted
			assertThat(jdbc
				.sql("select d.id from " + prefix + "doc d where " + byId.predicate() + " or " + byCode.predicate()
						+ " order by d.id")
				.params(byId.parameters())
				.params(byCode.parameters())
				.query(Long.class)
				.list()).containsExactly(2L, 3L, 4L, 5L);
			assertThat(jdbc.sql("select count(*) from " + prefix + "doc d where not " + byCode.predicate())
				.params(byCode.parameters())
				.query(Long.class)
				.single()).isEqualTo(FilterTestApplication.DOCS - FilterTestApplication.DOCS / 7 - 2);
		}
	}

	private static Grant bob(String type, Object id) {
		return Grant.of(Grantee.user("bob"), "doc:read").on(type, id);
	}

	private static List<Long> ids(JdbcClient jdbc, String prefix, SqlFilter filter) {
		return jdbc.sql("select d.id from " + prefix + "doc d where " + filter.predicate() + " order by d.id")
			.params(filter.parameters())
			.query(Long.class)
			.list();
	}

}
