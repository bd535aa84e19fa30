package io.github.permissionmanager.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.permissionmanager.ConsistencyToken;
import io.github.permissionmanager.Grant;
import io.github.permissionmanager.GrantQuery;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.InvalidGrantException;
import io.github.permissionmanager.Resource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What the grant store writes and reads, on one database: grant and membership rows,
 * audit and change log rows, transactions, schema scripts and the who-holds-what queries.
 * The same suite runs on H2, PostgreSQL and MariaDB.
 */
abstract class AbstractGrantStoreTests extends AbstractPermissionStoreTests {

	@Test
	void everyChangeWritesOneChangeLogRowPerGranteeAndReturnsTheTokenOfItsLastRow() {
		ConsistencyToken granted = this.grants.grantAll(List.of(Grant.of(Grantee.user("bob"), "event:read"),
				Grant.of(Grantee.user("bob"), "event:update"), Grant.of(Grantee.group("staff"), "event:read")));
		ConsistencyToken joined = this.grants.addMember("staff", "carol");
		ConsistencyToken unchanged = this.grants.addMember("staff", "carol");
		ConsistencyToken revoked = this.grants.revoke(Grant.of(Grantee.group("staff"), "event:read"));
		ConsistencyToken left = this.grants.removeMember("staff", "carol");
		List<String> rows = this.jdbc
			.sql("SELECT grantee_kind, grantee_name FROM " + this.tables.changes() + " ORDER BY id")
			.query((rs, row) -> rs.getString(1) + ":" + rs.getString(2))
			.list();
		assertThat(rows).containsExactly("USER:bob", "GROUP:staff", "USER:carol", "GROUP:staff", "USER:carol");
		List<Long> positions = this.jdbc.sql("SELECT id FROM " + this.tables.changes() + " ORDER BY id")
			.query(Long.class)
			.list();
		assertThat(granted.position()).isEqualTo(positions.get(1));
		assertThat(joined.position()).isEqualTo(positions.get(2));
		assertThat(unchanged).isEqualTo(joined);
		assertThat(revoked.position()).isEqualTo(positions.get(3));
		assertThat(left.position()).isEqualTo(positions.get(4));
	}

	@Test
	void initializeSchemaEmbeddedCreatesTheTablesOnlyOnAnEmbeddedDatabase() {
		String prefix = uniquePrefix("emb");
		try {
			PermissionStoreSchemaInitializer initializer = new PermissionStoreSchemaInitializer(database(),
					DatabaseInitializationMode.EMBEDDED, null, new StoreTables(prefix));
			initializer.setResourceLoader(new DefaultResourceLoader());

			assertThat(initializer.initializeDatabase()).isEqualTo(embedded());
			assertThat(tableExists(prefix + "grants")).isEqualTo(embedded());
		}
		finally {
			dropTables(database(), prefix);
		}
	}

	@Test
	void schemaScriptsCanRunAgainOverExistingTables() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:read"));
		PermissionStoreSchemaInitializer initializer = new PermissionStoreSchemaInitializer(database(),
				DatabaseInitializationMode.ALWAYS, null, this.tables);
		initializer.setResourceLoader(new DefaultResourceLoader());

		assertThat(initializer.initializeDatabase()).isTrue();
		assertThat(rows(this.tables.grants())).isEqualTo(1);
	}

	private boolean tableExists(String table) {
		try {
			this.jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
			return true;
		}
		catch (org.springframework.dao.DataAccessException ex) {
			return false;
		}
	}

	@Test
	void permissionWithSurroundingWhitespaceIsRefusedSoARevokeAlwaysMatchesTheGrant() {
		for (String spaced : new String[] { "event:delete ", " event:delete", "event: delete", "event:read ,update" }) {
			assertThatExceptionOfType(InvalidGrantException.class)
				.isThrownBy(() -> this.grants.grant(Grant.of(Grantee.user("bob"), spaced).on("event", 7)))
				.withMessageContaining("whitespace")
				.extracting(InvalidGrantException::getField)
				.isEqualTo("permission");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> this.grants.revoke(Grant.of(Grantee.user("bob"), spaced).on("event", 7)))
				.withMessageContaining("whitespace");
		}
		assertThat(this.manager.check("bob", "event:delete", Resource.of("event", 7))).isFalse();
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:delete").on("event", 7));
		this.grants.revoke(Grant.of(Grantee.user("bob"), "event:delete").on("event", 7));
		assertThat(this.manager.check("bob", "event:delete", Resource.of("event", 7))).isFalse();
	}

	@Test
	void grantsOnDistinctCaseOrTrailingSpaceAreDistinctRows() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:read"));
		this.grants.grant(Grant.of(Grantee.user("Bob"), "event:read"));
		this.grants.grant(Grant.of(Grantee.user("bob "), "event:read"));
		this.grants.addMember("staff", "bob");
		this.grants.addMember("Staff", "bob");
		this.grants.addMember("staff ", "bob");

		assertThat(rows(this.tables.grants())).isEqualTo(3);
		assertThat(rows(this.tables.memberships())).isEqualTo(3);
		assertThat(this.grants.users(GrantQuery.builder().permissions("event:read").build())).containsExactly("Bob",
				"bob", "bob ");
	}

	@Test
	void rolledBackRevokeKeepsAccess() {
		Grant grant = Grant.of(Grantee.user("bob"), "event:update").on("event", 7);
		this.grants.grant(grant);
		assertThat(this.manager.check("bob", "event:update", Resource.of("event", 7))).isTrue();

		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			this.grants.revoke(grant);
			status.setRollbackOnly();
		});

		assertThat(this.manager.check("bob", "event:update", Resource.of("event", 7))).isTrue();
		assertThat(rows(this.tables.grants())).isEqualTo(1);
	}

	@Test
	void rolledBackGrantGivesNoAccessEvenWhenCheckedInsideTheTransaction() {
		Grant grant = Grant.of(Grantee.user("bob"), "event:update").on("event", 7);

		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			this.grants.grant(grant);
			assertThat(this.manager.check("bob", "event:update", Resource.of("event", 7))).isTrue();
			status.setRollbackOnly();
		});

		assertThat(this.manager.check("bob", "event:update", Resource.of("event", 7))).isFalse();
		assertThat(rows(this.tables.grants())).isZero();
		assertThat(rows(this.tables.audit())).isZero();
	}

	@Test
	void grantTwiceLeavesOneRowAndOneAuditRow() {
		Grant grant = Grant.of(Grantee.user("bob"), "event:update").on("event", 7).inTenant("acme");

		this.grants.grant(grant);
		this.grants.grant(grant);

		assertThat(rows(this.tables.grants())).isEqualTo(1);
		assertThat(auditActions()).containsExactly("GRANT");
		assertThat(this.grants.permissionsOf(Grantee.user("bob"))).containsExactly(grant);
	}

	@Test
	void grantTwiceWithTheSameExpiryWritesOneAuditRow() {
		Grant grant = Grant.of(Grantee.user("bob"), "event:read").until(START.plusNanos(123_456_789));

		this.grants.grant(grant);
		this.grants.grant(grant);

		assertThat(auditActions()).containsExactly("GRANT");
	}

	@Test
	void sameGrantGivenByEightThreadsAtOnceLeavesOneRowAndOneAuditRow() throws Exception {
		for (int round = 0; round < 10; round++) {
			Grant grant = Grant.of(Grantee.user("bob" + round), "event:read").on("event", round);
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService threads = Executors.newFixedThreadPool(8);
			try {
				List<Future<?>> granting = new ArrayList<>();
				for (int t = 0; t < 8; t++) {
					granting.add(threads.submit(() -> {
						start.await();
						this.grants.grant(grant);
						this.grants.addMember("staff", "bob" + grant.resourceId());
						return null;
					}));
				}
				start.countDown();
				for (Future<?> future : granting) {
					future.get(60, TimeUnit.SECONDS);
				}
			}
			finally {
				threads.shutdownNow();
			}
		}

		assertThat(rows(this.tables.grants())).isEqualTo(10);
		assertThat(rows(this.tables.memberships())).isEqualTo(10);
		assertThat(auditActions()).hasSize(20);
	}

	@Test
	void grantWithNullScopeTwiceLeavesOneRow() {
		Grant grant = Grant.of(Grantee.group("staff"), "event:read");

		this.grants.grant(grant);
		this.grants.grantAll(List.of(grant, grant));

		assertThat(rows(this.tables.grants())).isEqualTo(1);
	}

	@Test
	void grantAgainWithAnotherExpiryUpdatesTheOneRow() {
		Grant grant = Grant.of(Grantee.user("bob"), "event:read");
		Instant until = START.plus(Duration.ofDays(1));

		this.grants.grant(grant);
		this.grants.grant(grant.until(until));

		assertThat(this.grants.permissionsOf(Grantee.user("bob"))).containsExactly(grant.until(until));
		assertThat(auditActions()).containsExactly("GRANT", "GRANT");
	}

	@Test
	void grantAllWithOneInvalidGrantWritesNothing() {
		List<Grant> batch = List.of(Grant.of(Grantee.user("bob"), "event:read"),
				Grant.of(Grantee.user("carol"), "event::read"), Grant.of(Grantee.user("dave"), "event:read"));

		assertThatExceptionOfType(InvalidGrantException.class).isThrownBy(() -> this.grants.grantAll(batch))
			.withMessageContaining("event::read")
			.extracting(InvalidGrantException::getField)
			.isEqualTo("permission");

		assertThat(rows(this.tables.grants())).isZero();
		assertThat(rows(this.tables.audit())).isZero();
		assertThat(this.manager.check("bob", "event:read")).isFalse();
	}

	@Test
	void grantAllWithAnIdTooLongForItsColumnWritesNothing() {
		String tooLongForTheColumn = "x".repeat(300);
		List<Grant> batch = new ArrayList<>();
		batch.add(Grant.of(Grantee.user("bob"), "event:read"));
		batch.add(Grant.of(Grantee.user("carol"), "event:read").on("event", tooLongForTheColumn));

		assertThatExceptionOfType(InvalidGrantException.class).isThrownBy(() -> this.grants.grantAll(batch))
			.withMessageContaining("resource id")
			.extracting(InvalidGrantException::getField)
			.isEqualTo("resourceId");

		assertThat(rows(this.tables.grants())).isZero();
	}

	@Test
	void revokeAllRemovesEveryGrantInOneTransaction() {
		Grant read = Grant.of(Grantee.user("bob"), "event:read");
		Grant update = Grant.of(Grantee.user("bob"), "event:update").on("event", 7);
		this.grants.grantAll(List.of(read, update));

		this.grants.revokeAll(List.of(read, update));

		assertThat(rows(this.tables.grants())).isZero();
		assertThat(auditActions()).containsExactly("GRANT", "GRANT", "REVOKE", "REVOKE");
	}

	@Test
	void everyChangeWritesOneAuditRowAndNoOpsWriteNone() {
		Grant grant = Grant.of(Grantee.user("bob"), "event:read").on("event", 7);
		this.grants.grant(grant);
		this.grants.grant(grant);
		this.grants.revoke(grant);
		this.grants.revoke(grant);
		this.grants.addMember("staff", "bob");
		this.grants.addMember("staff", "bob");
		this.grants.removeMember("staff", "bob");
		this.grants.removeMember("staff", "bob");

		assertThat(auditActions()).containsExactly("GRANT", "REVOKE", "ADD_MEMBER", "REMOVE_MEMBER");
	}

	@Test
	void auditRowRecordsWhoWhenAndWhat() {
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken("alice", "n/a", "ROLE_USER"));
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:read").on("event", 7).inTenant("acme"));
		SecurityContextHolder.clearContext();
		this.grants.addMember("staff", "bob");

		List<Map<String, Object>> audit = this.jdbc
			.sql("SELECT actor, action, grantee_kind, grantee_name, permission, resource_type, resource_id, tenant, "
					+ "group_name, user_name FROM " + this.tables.audit() + " ORDER BY id")
			.query()
			.listOfRows();
		assertThat(audit).hasSize(2);
		assertThat(lowerCaseKeys(audit.get(0))).containsEntry("actor", "alice")
			.containsEntry("action", "GRANT")
			.containsEntry("grantee_kind", "USER")
			.containsEntry("grantee_name", "bob")
			.containsEntry("permission", "event:read")
			.containsEntry("resource_type", "event")
			.containsEntry("resource_id", "7")
			.containsEntry("tenant", "acme");
		assertThat(lowerCaseKeys(audit.get(1))).containsEntry("actor", "system")
			.containsEntry("action", "ADD_MEMBER")
			.containsEntry("group_name", "staff")
			.containsEntry("user_name", "bob");
		Instant occurredAt = this.jdbc.sql("SELECT MIN(occurred_at) FROM " + this.tables.audit())
			.query((rs, row) -> GrantRows.instant(rs, rs.getMetaData().getColumnLabel(1)))
			.single();
		assertThat(occurredAt).isEqualTo(START);
	}

	private static Map<String, Object> lowerCaseKeys(Map<String, Object> row) {
		Map<String, Object> lower = new java.util.HashMap<>();
		row.forEach((key, value) -> lower.put(key.toLowerCase(java.util.Locale.ROOT), value));
		return lower;
	}

	@Test
	void permissionsOfListsOnlyTheGranteesOwnGrants() {
		Grant user = Grant.of(Grantee.user("staff"), "event:read");
		Grant group = Grant.of(Grantee.group("staff"), "event:update").on("event", 7);
		this.grants.grantAll(List.of(user, group));

		assertThat(this.grants.permissionsOf(Grantee.user("staff"))).containsExactly(user);
		assertThat(this.grants.permissionsOf(Grantee.group("staff"))).containsExactly(group);
	}

	@Test
	void usersAndGroupsCountRolesWildcardsAndGroupMembers() {
		this.grants.grant(Grant.of(Grantee.user("alice"), "*"));
		this.grants.grant(Grant.of(Grantee.user("bob"), "coorganizer").on("event", 7));
		this.grants.grant(Grant.of(Grantee.user("carol"), "event:read").on("event", 7));
		this.grants.grant(Grant.of(Grantee.user("dave"), "event:delete").on("event", 7));
		this.grants.grant(Grant.of(Grantee.group("staff"), "event").on("event", 7));
		this.grants.grant(Grant.of(Grantee.group("guests"), "session:read").on("event", 7));
		this.grants.addMember("staff", "erin");

		GrantQuery query = GrantQuery.builder().permissions("event:read").build();

		assertThat(this.grants.users(query)).containsExactly("alice", "bob", "carol", "erin");
		assertThat(this.grants.groups(query)).containsExactly("staff");
	}

	@Test
	void usersWithARoleNameCountGrantsOfTheRoleAndOfRolesIncludingIt() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "coorganizer").on("event", 7));
		this.grants.grant(Grant.of(Grantee.user("carol"), "organizer").on("event", 7));
		this.grants.grant(Grant.of(Grantee.user("dave"), "event:read"));

		assertThat(this.grants.users(GrantQuery.builder().permissions("coorganizer").build())).containsExactly("bob",
				"carol");
	}

	@Test
	void usersLeaveOutExpiredGrants() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:read").until(START.plusSeconds(60)));
		GrantQuery query = GrantQuery.builder().permissions("event:read").build();
		assertThat(this.grants.users(query)).containsExactly("bob");

		this.clock.advance(Duration.ofSeconds(60));

		assertThat(this.grants.users(query)).isEmpty();
	}

	@Test
	void usersAndGroupsFollowEachIncludeNullCombination() {
		this.grants.grant(Grant.of(Grantee.user("global"), "event:read"));
		this.grants.grant(Grant.of(Grantee.user("typewide"), "event:read").on("event"));
		this.grants.grant(Grant.of(Grantee.user("object"), "event:read").on("event", 7));
		this.grants.grant(Grant.of(Grantee.user("other"), "event:read").on("event", 8));
		this.grants.grant(Grant.of(Grantee.user("session"), "event:read").on("session"));
		this.grants.grant(Grant.of(Grantee.group("g-global"), "event:read"));
		this.grants.grant(Grant.of(Grantee.group("g-typewide"), "event:read").on("event"));
		this.grants.grant(Grant.of(Grantee.group("g-object"), "event:read").on("event", 7));
		this.grants.grant(Grant.of(Grantee.group("g-other"), "event:read").on("event", 8));

		assertThat(this.grants.users(query(true, true))).containsExactly("global", "object", "typewide");
		assertThat(this.grants.users(query(false, true))).containsExactly("object", "typewide");
		assertThat(this.grants.users(query(true, false))).containsExactly("object");
		assertThat(this.grants.users(query(false, false))).containsExactly("object");
		assertThat(this.grants.groups(query(true, true))).containsExactly("g-global", "g-object", "g-typewide");
		assertThat(this.grants.groups(query(false, true))).containsExactly("g-object", "g-typewide");
		assertThat(this.grants.groups(query(true, false))).containsExactly("g-object");
		assertThat(this.grants.groups(query(false, false))).containsExactly("g-object");
		assertThat(this.grants.users(GrantQuery.builder().resourceTypes("event").build())).containsExactly("global",
				"object", "other", "typewide");
		assertThat(
				this.grants.users(GrantQuery.builder().resourceTypes("event").includeNullResourceType(false).build()))
			.containsExactly("object", "other", "typewide");
		assertThat(this.grants.users(GrantQuery.builder().build())).containsExactly("global", "object", "other",
				"session", "typewide");
	}

	private static GrantQuery query(boolean includeNullResourceType, boolean includeNullResourceId) {
		return GrantQuery.builder()
			.permissions("event:read")
			.resourceTypes("event")
			.objectIds(7)
			.includeNullResourceType(includeNullResourceType)
			.includeNullResourceId(includeNullResourceId)
			.build();
	}

	@Test
	void usersFilterByTenantAdmittingGrantsInEveryTenant() {
		this.grants.grant(Grant.of(Grantee.user("everywhere"), "event:read"));
		this.grants.grant(Grant.of(Grantee.user("acme"), "event:read").inTenant("acme"));
		this.grants.grant(Grant.of(Grantee.user("globex"), "event:read").inTenant("globex"));

		assertThat(this.grants.users(GrantQuery.builder().tenants("acme").build())).containsExactly("acme",
				"everywhere");
	}

}
