package io.github.permissionmanager.filtertest;

import java.util.List;
import java.util.function.Function;
import java.util.stream.LongStream;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionEvaluationException;
import io.github.permissionmanager.PermissionFilters;
import io.github.permissionmanager.PermissionGrants;
import io.github.permissionmanager.PermissionManager;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.store.CountingDataSource;
import io.github.permissionmanager.testsupport.RequiresServer;
import io.github.permissionmanager.testsupport.Server;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Filters on attributes kept through a JPA attribute converter ({@link Ticket}: a number
 * stored as prefixed text, a text code stored as a number): the listed ids are compared
 * with what the column holds, each bound as the attribute is (no array of the Java type
 * against a column of another type), and a subject whose grants would be looked up in the
 * grant table, whose ids a converted column cannot be compared with, fails instead of
 * being admitted or refused wrongly. On H2 always, on PostgreSQL and MariaDB where they
 * answer.
 */
class ConvertedIdFilterTests {

	private static final Subject BOB = Subject.of("bob");

	@Test
	void convertedAttributesAreFilteredExactlyOnH2() {
		run("jdbc:h2:mem:converted-filter-tests;DB_CLOSE_DELAY=-1", "sa", "cvf_");
	}

	@Test
	@RequiresServer(Server.POSTGRESQL)
	void convertedAttributesAreFilteredExactlyOnPostgres() {
		run(Server.POSTGRESQL.url(), Server.POSTGRESQL.user(), Server.uniqueTablePrefix("cvf"));
	}

	@Test
	@RequiresServer(Server.MARIADB)
	void convertedAttributesAreFilteredExactlyOnMariaDb() {
		run(Server.MARIADB.url(), Server.MARIADB.user(), Server.uniqueTablePrefix("cvf"));
	}

	private static void run(String url, String user, String prefix) {
		try (ConfigurableApplicationContext context = FilterTestApplication.start(url, user, prefix,
				"permission-manager.cache.sync.mode=none", "permission-manager.filter.max-object-ids=4")) {
			TicketRepository tickets = context.getBean(TicketRepository.class);
			PermissionGrants grants = context.getBean(PermissionGrants.class);
			PermissionManager permissions = context.getBean(PermissionManager.class);
			PermissionFilters filters = context.getBean(PermissionFilters.class);
			CountingDataSource dataSource = context.getBean(CountingDataSource.class);
			// ticket n: ref 100 + n (column "R-10n"), code 200 + n (column 20n)
			tickets.saveAll(LongStream.rangeClosed(1, 9)
				.mapToObj((id) -> new Ticket(id, 100 + id, String.valueOf(200 + id)))
				.toList());
			grants.grantAll(List.of(bob("ref", 103), bob("ref", 105), bob("ref", "R-107"), bob("ref", "0106"),
					bob("code", "204"), bob("code", "208"), bob("code", "0202")));
			Specification<Ticket> byRef = filters.permitted(BOB, "ticket:read").on("ref", "ref");
			Specification<Ticket> byCode = filters.permitted(BOB, "ticket:read").on("code", "code");
			assertThat(allowed(tickets, permissions, "ref", Ticket::getRef)).containsExactly(3L, 5L);
			assertThat(allowed(tickets, permissions, "code", Ticket::getCode)).containsExactly(4L, 8L);
			dataSource.reset();
			assertThat(ids(tickets.findAll(byRef, Sort.by("id")))).containsExactly(3L, 5L);
			assertThat(ids(tickets.findAll(byCode, Sort.by("id")))).containsExactly(4L, 8L);
			// one parameter per id, bound through the converter: no array of the Java
			// type
			assertThat(dataSource.prepared()).allSatisfy((sql) -> assertThat(sql.toLowerCase()).doesNotContain("any("));
			Page<Ticket> page = tickets.findAll(byRef.or(byCode), PageRequest.of(1, 2, Sort.by("id")));
			assertThat(ids(page.getContent())).containsExactly(5L, 8L);
			assertThat(page.getTotalElements()).isEqualTo(4);
			// a revoke is seen by the next query
			grants.revoke(bob("ref", 105));
			assertThat(ids(tickets.findAll(byRef, Sort.by("id")))).containsExactly(3L);
			// five object grants: looked up in the grant table, which holds "107", not
			// what the column holds ("R-107"): refused, never compared
			grants.grantAll(List.of(bob("ref", 101), bob("ref", 102)));
			assertThatExceptionOfType(PermissionEvaluationException.class).isThrownBy(() -> tickets.findAll(byRef))
				.withMessageContaining("'bob' holds ticket:read on 5 objects of ref")
				.withMessageContaining("stored through a converter");
		}
	}

	private static Grant bob(String type, Object id) {
		return Grant.of(Grantee.user("bob"), "ticket:read").on(type, id);
	}

	private static List<Long> allowed(TicketRepository tickets, PermissionManager permissions, String type,
			Function<Ticket, Object> id) {
		return ids(tickets.findAll(Sort.by("id"))
			.stream()
			.filter((ticket) -> permissions.check(BOB, "ticket:read", Resource.of(type, id.apply(ticket))))
			.toList());
	}

	private static List<Long> ids(List<Ticket> tickets) {
		return tickets.stream().map(Ticket::getId).toList();
	}

}
