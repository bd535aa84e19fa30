package io.github.permissionmanager.store;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the console reads from the store: the audit trail a page at a time (newest first,
 * filtered by grantee and time, one statement per page) and the users and groups the
 * store knows. The same suite runs on H2, PostgreSQL and MariaDB.
 */
abstract class AbstractAuditLogTests extends AbstractPermissionStoreTests {

	@Test
	void pagesGoNewestFirstAndLinkBothWays() {
		for (int i = 1; i <= 12; i++) {
			this.grants.grant(Grant.of(Grantee.user("u" + i), "event:read"));
			this.clock.advance(Duration.ofSeconds(1));
		}
		AuditLog log = new AuditLog(this.jdbc, this.tables);

		AuditLog.Page first = log.page(AuditLog.Query.newest(5));
		assertThat(names(first)).containsExactly("u12", "u11", "u10", "u9", "u8");
		assertThat(first.older()).isTrue();
		assertThat(first.newer()).isFalse();
		AuditLog.Page second = log.page(new AuditLog.Query(null, null, null, last(first), null, 5));
		assertThat(names(second)).containsExactly("u7", "u6", "u5", "u4", "u3");
		assertThat(second.older()).isTrue();
		assertThat(second.newer()).isTrue();
		AuditLog.Page third = log.page(new AuditLog.Query(null, null, null, last(second), null, 5));
		assertThat(names(third)).containsExactly("u2", "u1");
		assertThat(third.older()).isFalse();
		assertThat(third.newer()).isTrue();
		AuditLog.Page back = log.page(new AuditLog.Query(null, null, null, null, third.entries().get(0).id(), 5));
		assertThat(names(back)).containsExactly("u7", "u6", "u5", "u4", "u3");
		assertThat(back.older()).isTrue();
		assertThat(back.newer()).isTrue();
		AuditLog.Page backToTheTop = log
			.page(new AuditLog.Query(null, null, null, null, back.entries().get(0).id(), 5));
		assertThat(names(backToTheTop)).containsExactly("u12", "u11", "u10", "u9", "u8");
		assertThat(backToTheTop.newer()).isFalse();
	}

	@Test
	void entriesCarryEveryColumnOfTheirChange() {
		this.grants.grant(Grant.of(Grantee.group("staff"), "event:update")
			.on("event", 7)
			.inTenant("acme")
			.until(START.plus(Duration.ofDays(3))));
		this.clock.advance(Duration.ofMinutes(1));
		this.grants.addMember("staff", "dave");

		List<AuditLog.Entry> entries = new AuditLog(this.jdbc, this.tables).page(AuditLog.Query.newest(10)).entries();

		assertThat(entries).hasSize(2);
		AuditLog.Entry membership = entries.get(0);
		assertThat(membership.action()).isEqualTo("ADD_MEMBER");
		assertThat(membership.grantee()).isNull();
		assertThat(membership.group()).isEqualTo("staff");
		assertThat(membership.user()).isEqualTo("dave");
		assertThat(membership.occurredAt()).isEqualTo(START.plus(Duration.ofMinutes(1)));
		AuditLog.Entry grant = entries.get(1);
		assertThat(grant.action()).isEqualTo("GRANT");
		assertThat(grant.actor()).isEqualTo("system");
		assertThat(grant.grantee()).isEqualTo(Grantee.group("staff"));
		assertThat(grant.permission()).isEqualTo("event:update");
		assertThat(grant.resourceType()).isEqualTo("event");
		assertThat(grant.resourceId()).isEqualTo("7");
		assertThat(grant.tenant()).isEqualTo("acme");
		assertThat(grant.expiresAt()).isEqualTo(START.plus(Duration.ofDays(3)));
		assertThat(grant.occurredAt()).isEqualTo(START);
	}

	@Test
	void aGranteeFilterFindsItsGrantsAndBothSidesOfItsMemberships() {
		this.grants.grant(Grant.of(Grantee.user("dave"), "event:read"));
		this.grants.grant(Grant.of(Grantee.user("erin"), "event:read"));
		this.grants.addMember("staff", "dave");
		this.grants.addMember("staff", "erin");
		this.grants.revoke(Grant.of(Grantee.user("dave"), "event:read"));
		AuditLog log = new AuditLog(this.jdbc, this.tables);

		assertThat(actions(log.page(new AuditLog.Query("dave", null, null, null, null, 10))))
			.containsExactly("REVOKE dave", "ADD_MEMBER staff/dave", "GRANT dave");
		assertThat(actions(log.page(new AuditLog.Query("staff", null, null, null, null, 10))))
			.containsExactly("ADD_MEMBER staff/erin", "ADD_MEMBER staff/dave");
		assertThat(log.page(new AuditLog.Query("Dave", null, null, null, null, 10)).entries()).isEmpty();
	}

	@Test
	void aTimeFilterKeepsRowsFromItsStartUpToItsEnd() {
		for (int day = 0; day < 5; day++) {
			this.grants.grant(Grant.of(Grantee.user("d" + day), "event:read"));
			this.clock.advance(Duration.ofDays(1));
		}
		AuditLog log = new AuditLog(this.jdbc, this.tables);

		AuditLog.Page page = log.page(new AuditLog.Query(null, START.plus(Duration.ofDays(1)),
				START.plus(Duration.ofDays(3)), null, null, 10));

		assertThat(names(page)).containsExactly("d2", "d1");
	}

	@Test
	void aPageOfTenThousandRowsIsOneStatementThatReadsOnlyThePage() {
		List<Object[]> rows = new ArrayList<>();
		LocalDateTime at = LocalDateTime.ofInstant(START, ZoneOffset.UTC);
		for (int i = 0; i < 10_000; i++) {
			rows.add(new Object[] { at.plusSeconds(i), "admin", (i % 2 == 0) ? "GRANT" : "REVOKE", "USER", "user" + i,
					"event:read" });
		}
		new JdbcTemplate(database()).batchUpdate("INSERT INTO " + this.tables.audit()
				+ " (occurred_at, actor, action, grantee_kind, grantee_name, permission) VALUES (?, ?, ?, ?, ?, ?)",
				rows);
		AuditLog log = new AuditLog(this.jdbc, this.tables);
		long middle = this.jdbc.sql("SELECT id FROM " + this.tables.audit() + " WHERE grantee_name = 'user5000'")
			.query(Long.class)
			.single();
		this.dataSource.reset();

		AuditLog.Page page = log.page(new AuditLog.Query(null, null, null, middle, null, 50));

		assertThat(this.dataSource.executed()).isEqualTo(1);
		assertThat(this.dataSource.prepared()).singleElement().asString().contains("LIMIT 51");
		assertThat(names(page)).hasSize(50).startsWith("user4999", "user4998").endsWith("user4950");
		assertThat(page.older()).isTrue();
		assertThat(page.newer()).isTrue();
	}

	@Test
	void theDirectoryFindsUsersAndGroupsByPartOfTheirNameIgnoringCase() {
		this.grants.grant(Grant.of(Grantee.user("Dave"), "event:read"));
		this.grants.grant(Grant.of(Grantee.group("davids"), "event:read"));
		this.grants.grant(Grant.of(Grantee.user("erin"), "event:read"));
		this.grants.addMember("reviewers", "david");
		this.grants.addMember("reviewers", "erin");
		GranteeDirectory directory = new GranteeDirectory(this.jdbc, this.tables);

		assertThat(directory.search("dav", 10)).containsExactly(Grantee.user("Dave"), Grantee.user("david"),
				Grantee.group("davids"));
		assertThat(directory.search("", 10)).containsExactly(Grantee.user("Dave"), Grantee.user("david"),
				Grantee.group("davids"), Grantee.user("erin"), Grantee.group("reviewers"));
		assertThat(directory.search("", 2)).hasSize(2);
		assertThat(directory.membersOf("reviewers")).containsExactly("david", "erin");
		assertThat(directory.membersOf("nobody")).isEmpty();
	}

	@Test
	void theDirectoryReadsWildcardsInTheSearchTextLiterally() {
		this.grants.grant(Grant.of(Grantee.user("a_b"), "event:read"));
		this.grants.grant(Grant.of(Grantee.user("axb"), "event:read"));
		this.grants.grant(Grant.of(Grantee.user("100%"), "event:read"));
		this.grants.grant(Grant.of(Grantee.user("100!"), "event:read"));
		GranteeDirectory directory = new GranteeDirectory(this.jdbc, this.tables);

		assertThat(directory.search("a_", 10)).containsExactly(Grantee.user("a_b"));
		assertThat(directory.search("0%", 10)).containsExactly(Grantee.user("100%"));
		assertThat(directory.search("0!", 10)).containsExactly(Grantee.user("100!"));
		assertThat(directory.search("%", 10)).containsExactly(Grantee.user("100%"));
	}

	private static long last(AuditLog.Page page) {
		return page.entries().get(page.entries().size() - 1).id();
	}

	private static List<String> names(AuditLog.Page page) {
		return page.entries().stream().map((entry) -> entry.grantee().name()).toList();
	}

	private static List<String> actions(AuditLog.Page page) {
		return page.entries()
			.stream()
			.map((entry) -> entry.action() + " "
					+ ((entry.grantee() != null) ? entry.grantee().name() : entry.group() + "/" + entry.user()))
			.toList();
	}

}
