package io.github.permissionmanager.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.github.permissionmanager.Decision;
import io.github.permissionmanager.ConsistencyToken;
import io.github.permissionmanager.Grant;
import io.github.permissionmanager.GrantQuery;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.PermissionDecisionEvent;
import io.github.permissionmanager.PermissionEvaluationException;
import io.github.permissionmanager.PermissionRequest;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.decide.DecisionService;
import io.github.permissionmanager.decide.DefaultPermissionEvaluator;
import io.github.permissionmanager.decide.DefaultPermissionManager;
import io.github.permissionmanager.decide.GrantSnapshotCache;
import io.github.permissionmanager.decide.Roles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The grant store and the default evaluator against one database: the same suite runs on
 * H2, PostgreSQL and MariaDB. Each run uses tables of its own (dropped afterwards), so
 * builds running at once on one server never share them, and they are emptied before
 * every test.
 */
abstract class AbstractPermissionStoreTests {

	static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

	static final Roles ROLES = new Roles(Map.of("coorganizer", List.of("event:read", "event:update", "session:*"),
			"organizer", List.of("coorganizer", "event:delete")));

	protected CountingDataSource dataSource;

	protected StoreTables tables;

	protected JdbcClient jdbc;

	protected MutableClock clock;

	protected final List<PermissionDecisionEvent> events = new CopyOnWriteArrayList<>();

	protected GrantSnapshotCache cache;

	protected DefaultPermissionManager manager;

	protected JdbcTransactionManager transactionManager;

	protected JdbcPermissionGrants grants;

	/**
	 * The database under test, registered by each per-database suite as a static
	 * extension.
	 * @return the database
	 */
	protected abstract StoreDatabase storeDatabase();

	protected DataSource database() {
		return storeDatabase().dataSource();
	}

	protected String tablePrefix() {
		return storeDatabase().tablePrefix();
	}

	static String uniquePrefix(String platform) {
		return StoreDatabase.uniquePrefix(platform);
	}

	static void dropTables(DataSource database, String prefix) {
		StoreTables tables = new StoreTables(prefix);
		JdbcClient jdbc = JdbcClient.create(database);
		for (String table : tables.all()) {
			jdbc.sql("DROP TABLE IF EXISTS " + table).update();
		}
	}

	protected AutoCloseable blockReads(String grantsTable) throws Exception {
		return storeDatabase().blockReads(grantsTable);
	}

	protected boolean embedded() {
		return storeDatabase().embedded();
	}

	@BeforeEach
	void createStore() {
		this.dataSource = new CountingDataSource(database());
		this.tables = new StoreTables(tablePrefix());
		PermissionStoreSchemaInitializer initializer = new PermissionStoreSchemaInitializer(this.dataSource,
				DatabaseInitializationMode.ALWAYS, null, this.tables);
		initializer.setResourceLoader(new DefaultResourceLoader());
		initializer.initializeDatabase();
		JdbcTemplate template = new JdbcTemplate(this.dataSource);
		template.setQueryTimeout(5);
		this.jdbc = JdbcClient.create(template);
		for (String table : this.tables.all()) {
			this.jdbc.sql("DELETE FROM " + table).update();
		}
		this.clock = new MutableClock(START);
		this.cache = new GrantSnapshotCache(new JdbcSubjectGrantsLoader(this.jdbc, this.tables), ROLES, this.clock,
				Duration.ofMinutes(10), 1000);
		DecisionService decisions = new DecisionService(new DefaultPermissionEvaluator(this.cache),
				(event) -> this.events.add((PermissionDecisionEvent) event), true, this.clock);
		this.manager = new DefaultPermissionManager(decisions, this.cache);
		this.transactionManager = new JdbcTransactionManager(this.dataSource);
		this.grants = new JdbcPermissionGrants(this.jdbc, this.tables, new TransactionTemplate(this.transactionManager),
				this.cache, ROLES, this.clock,
				new ChangeLog(this.jdbc, this.tables, this.clock, Duration.ofSeconds(30), List.of()));
		this.dataSource.reset();
	}

	@AfterEach
	void clearSecurityContext() {
		SecurityContextHolder.clearContext();
	}

	protected int rows(String table) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
	}

	protected List<String> auditActions() {
		return this.jdbc.sql("SELECT action FROM " + this.tables.audit() + " ORDER BY id").query(String.class).list();
	}

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
	void eightThreadsCheckingWhileARevokeCommitsNeverSeeAnAllowAfterTheRevokeReturned() throws Exception {
		Grant grant = Grant.of(Grantee.user("bob"), "event:update").on("event", 7);
		Resource event = Resource.of("event", 7);
		for (int round = 0; round < 20; round++) {
			this.grants.grant(grant);
			assertThat(this.manager.check("bob", "event:update", event)).isTrue();
			AtomicBoolean revoked = new AtomicBoolean();
			AtomicInteger staleAllows = new AtomicInteger();
			AtomicInteger checksAfterRevoke = new AtomicInteger();
			CountDownLatch started = new CountDownLatch(8);
			ExecutorService threads = Executors.newFixedThreadPool(8);
			try {
				List<Future<?>> checkers = new ArrayList<>();
				for (int t = 0; t < 8; t++) {
					checkers.add(threads.submit(() -> {
						started.countDown();
						// Each thread keeps checking until it has made enough checks
						// after the revoke
						while (checksAfterRevoke.get() < 400) {
							boolean revokeHadReturned = revoked.get();
							boolean allowed = this.manager.check("bob", "event:update", event);
							if (revokeHadReturned) {
								checksAfterRevoke.incrementAndGet();
								if (allowed) {
									staleAllows.incrementAndGet();
								}
							}
						}
					}));
				}
				started.await();
				this.grants.revoke(grant);
				revoked.set(true);
				for (Future<?> checker : checkers) {
					checker.get(60, TimeUnit.SECONDS);
				}
			}
			finally {
				threads.shutdownNow();
			}
			assertThat(staleAllows.get()).as("allows seen after revoke returned, round %d", round).isZero();
			assertThat(checksAfterRevoke.get()).isGreaterThanOrEqualTo(400);
		}
	}

	@Test
	void checkWhenTheStoreIsSlowerThanTheTimeoutThenDeniesInsteadOfWaiting() throws Exception {
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:read"));
		JdbcTemplate template = new JdbcTemplate(this.dataSource);
		template.setQueryTimeout(1);
		GrantSnapshotCache slowCache = new GrantSnapshotCache(
				new JdbcSubjectGrantsLoader(JdbcClient.create(template), this.tables), ROLES, this.clock,
				Duration.ofMinutes(10), 1000);
		DecisionService decisions = new DecisionService(new DefaultPermissionEvaluator(slowCache),
				(event) -> this.events.add((PermissionDecisionEvent) event), true, this.clock);
		DefaultPermissionManager slowManager = new DefaultPermissionManager(decisions, slowCache);
		PermissionRequest request = new PermissionRequest(Subject.of("bob"), "event:read", null,
				PermissionContext.empty());

		try (AutoCloseable lock = blockReads(this.tables.grants())) {
			long start = System.nanoTime();
			Decision decision = slowManager.explain("bob", "event:read");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
			assertThat(decision.allowed()).isFalse();
			assertThat(decision.reason()).startsWith("evaluation failed");
			assertThatExceptionOfType(PermissionEvaluationException.class).isThrownBy(() -> decisions.decide(request));
			assertThat(this.events).extracting(PermissionDecisionEvent::allowed).containsOnly(false);
		}
		assertThat(slowManager.check("bob", "event:read")).isTrue();
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
	void checkWhenTheStoreFailsThenDenies() {
		GrantSnapshotCache broken = new GrantSnapshotCache(
				new JdbcSubjectGrantsLoader(this.jdbc, new StoreTables("missing_")), ROLES, this.clock,
				Duration.ofMinutes(10), 1000);
		DecisionService decisions = new DecisionService(new DefaultPermissionEvaluator(broken), (event) -> {
		}, true, this.clock);
		DefaultPermissionManager brokenManager = new DefaultPermissionManager(decisions, broken);

		assertThat(brokenManager.check("bob", "event:read")).isFalse();
		assertThat(brokenManager.explain("bob", "event:read").reason()).startsWith("evaluation failed");
		assertThatExceptionOfType(PermissionEvaluationException.class)
			.isThrownBy(() -> brokenManager.objectIds(Subject.of("bob"), "event:read", "event"));
	}

	@Test
	void checkWhenUserHoldsGrantOnObjectThenAllowedAndExplainNamesTheGrant() {
		Grant grant = Grant.of(Grantee.user("bob"), "session:update").on("event", 7);
		this.grants.grant(grant);

		Decision decision = this.manager.explain("bob", "session:update", Resource.of("event", 7));

		assertThat(decision.allowed()).isTrue();
		assertThat(decision.grant()).isEqualTo(grant);
		assertThat(decision.reason()).contains("session:update").contains("user 'bob'").contains("event '7'");
	}

	@Test
	void permissionWithSurroundingWhitespaceIsRefusedSoARevokeAlwaysMatchesTheGrant() {
		for (String spaced : new String[] { "event:delete ", " event:delete", "event: delete", "event:read ,update" }) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> this.grants.grant(Grant.of(Grantee.user("bob"), spaced).on("event", 7)))
				.withMessageContaining("whitespace");
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
	void checkWhenNoGrantThenDeniedWithTheMissingPermission() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "session:read").on("event", 7));

		Decision decision = this.manager.explain("bob", "session:update", Resource.of("event", 7));

		assertThat(decision.allowed()).isFalse();
		assertThat(decision.missingPermissions()).containsExactly("session:update");
		assertThat(decision.reason())
			.isEqualTo("no grant of 'session:update' on event '7' to user 'bob' or its groups");
	}

	@Test
	void everyDecisionIsPublishedWithSubjectPermissionResourceOutcomeAndReason() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:read").on("event", 7));

		this.manager.check("bob", "event:read", Resource.of("event", 7));
		this.manager.check("bob", "event:read", Resource.of("event", 8));

		assertThat(this.events).hasSize(2);
		assertThat(this.events.get(0).subject().id()).isEqualTo("bob");
		assertThat(this.events.get(0).permission()).isEqualTo("event:read");
		assertThat(this.events.get(0).resource()).isEqualTo(Resource.of("event", 7));
		assertThat(this.events.get(0).allowed()).isTrue();
		assertThat(this.events.get(1).allowed()).isFalse();
		assertThat(this.events.get(1).reason()).contains("no grant");
	}

	@Test
	void objectGrantAllowsOnlyThatObject() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:update").on("event", 7));

		assertThat(this.manager.check("bob", "event:update", Resource.of("event", 7))).isTrue();
		assertThat(this.manager.check("bob", "event:update", Resource.of("event", "7"))).isTrue();
		assertThat(this.manager.check("bob", "event:update", Resource.of("event", 8))).isFalse();
		assertThat(this.manager.check("bob", "event:update", Resource.of("session", 7))).isFalse();
		assertThat(this.manager.check("bob", "event:update", Resource.ofType("event"))).isFalse();
		assertThat(this.manager.check("bob", "event:update")).isFalse();
	}

	@Test
	void typeWideGrantAllowsEveryObjectOfTheTypeButNotOtherTypesNorUnscopedChecks() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:update").on("event"));

		assertThat(this.manager.check("bob", "event:update", Resource.of("event", 7))).isTrue();
		assertThat(this.manager.check("bob", "event:update", Resource.of("event", 8))).isTrue();
		assertThat(this.manager.check("bob", "event:update", Resource.ofType("event"))).isTrue();
		assertThat(this.manager.check("bob", "event:update", Resource.of("session", 7))).isFalse();
		assertThat(this.manager.check("bob", "event:update")).isFalse();
	}

	@Test
	void globalGrantAllowsEveryResourceAndUnscopedChecks() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:update"));

		assertThat(this.manager.check("bob", "event:update")).isTrue();
		assertThat(this.manager.check("bob", "event:update", Resource.ofType("event"))).isTrue();
		assertThat(this.manager.check("bob", "event:update", Resource.of("event", 7))).isTrue();
		assertThat(this.manager.check("bob", "event:update", Resource.of("session", 1).withTenant("acme"))).isTrue();
	}

	@Test
	void tenantGrantAllowsOnlyInItsTenant() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:read").on("event").inTenant("acme"));

		assertThat(this.manager.check("bob", "event:read", Resource.of("event", 7).withTenant("acme"))).isTrue();
		assertThat(this.manager.check("bob", "event:read", Resource.of("event", 7).withTenant("globex"))).isFalse();
		assertThat(this.manager.check("bob", "event:read", Resource.of("event", 7))).isFalse();
		assertThat(this.manager.check("bob", "event:read", Resource.of("event", 7).withTenant("ACME"))).isFalse();
	}

	@Test
	void globalTenantlessGrantAppliesInEveryTenantButTenantGlobalGrantDoesNotAllowUnscopedChecks() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:read").on("event"));
		this.grants.grant(Grant.of(Grantee.user("carol"), "report:read").inTenant("acme"));

		assertThat(this.manager.check("bob", "event:read", Resource.of("event", 7).withTenant("acme"))).isTrue();
		assertThat(this.manager.check("bob", "event:read", Resource.of("event", 7).withTenant("globex"))).isTrue();
		assertThat(this.manager.check("carol", "report:read", Resource.of("report", 1).withTenant("acme"))).isTrue();
		assertThat(this.manager.check("carol", "report:read")).isFalse();
	}

	@Test
	void roleGrantAllowsTheRolesPermissionsTransitively() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "organizer").on("event", 7));

		assertThat(this.manager.check("bob", "event:delete", Resource.of("event", 7))).isTrue();
		assertThat(this.manager.check("bob", "event:read", Resource.of("event", 7))).isTrue();
		assertThat(this.manager.check("bob", "session:update:title", Resource.of("event", 7))).isTrue();
		assertThat(this.manager.check("bob", "event:create", Resource.of("event", 7))).isFalse();
		assertThat(this.manager.check("bob", "event:read", Resource.of("event", 8))).isFalse();
	}

	@Test
	void namesPermissionsTypesAndIdsAreCaseAndSpaceSensitive() {
		this.grants.grant(Grant.of(Grantee.user("Admin"), "event:read").on("Event", "A"));

		assertThat(this.manager.check("Admin", "event:read", Resource.of("Event", "A"))).isTrue();
		assertThat(this.manager.check("admin", "event:read", Resource.of("Event", "A"))).isFalse();
		assertThat(this.manager.check("Admin ", "event:read", Resource.of("Event", "A"))).isFalse();
		assertThat(this.manager.check("Admin", "Event:read", Resource.of("Event", "A"))).isFalse();
		assertThat(this.manager.check("Admin", "event:read", Resource.of("event", "A"))).isFalse();
		assertThat(this.manager.check("Admin", "event:read", Resource.of("Event", "a"))).isFalse();
		assertThat(this.manager.check("Admin", "event:read", Resource.of("Event", "A "))).isFalse();
		assertThat(this.grants.permissionsOf(Grantee.user("admin"))).isEmpty();
		assertThat(this.grants.permissionsOf(Grantee.user("Admin "))).isEmpty();
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
	void objectIdsContainingWildcardCharactersAreDataNotPatterns() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:read").on("event", "*"));
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:read").on("event", "1,2"));
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:read").on("event", "3:4"));

		assertThat(this.manager.check("bob", "event:read", Resource.of("event", "*"))).isTrue();
		assertThat(this.manager.check("bob", "event:read", Resource.of("event", "1,2"))).isTrue();
		assertThat(this.manager.check("bob", "event:read", Resource.of("event", "3:4"))).isTrue();
		assertThat(this.manager.check("bob", "event:read", Resource.of("event", 7))).isFalse();
		assertThat(this.manager.check("bob", "event:read", Resource.of("event", 1))).isFalse();
		assertThat(this.manager.check("bob", "event:read", Resource.of("event", 3))).isFalse();
		assertThat(this.manager.check("bob", "event:read", Resource.ofType("event"))).isFalse();
	}

	@Test
	void groupGrantAllowsMembersOfTheStoreGroupUntilRemoved() {
		this.grants.grant(Grant.of(Grantee.group("staff"), "event:read").on("event"));
		assertThat(this.manager.check("bob", "event:read", Resource.of("event", 7))).isFalse();

		this.grants.addMember("staff", "bob");
		assertThat(this.manager.check("bob", "event:read", Resource.of("event", 7))).isTrue();
		assertThat(this.manager.check("carol", "event:read", Resource.of("event", 7))).isFalse();

		this.grants.removeMember("staff", "bob");
		assertThat(this.manager.check("bob", "event:read", Resource.of("event", 7))).isFalse();
	}

	@Test
	void coldCheckReadsTheUsersStoreGroupsAndCarriedGroupsGrantsWithOneQuery() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:read").on("event", 1));
		this.grants.grant(Grant.of(Grantee.group("staff"), "event:update").on("event", 2));
		this.grants.grant(Grant.of(Grantee.group("auditors"), "report:read"));
		this.grants.grant(Grant.of(Grantee.group("strangers"), "event:delete"));
		this.grants.addMember("staff", "bob");
		Subject bob = Subject.of("bob").withGroups("auditors");
		this.dataSource.reset();

		assertThat(this.manager.check(bob, "event:read", Resource.of("event", 1))).isTrue();
		assertThat(this.dataSource.executed()).isEqualTo(1);
		assertThat(this.manager.check(bob, "event:update", Resource.of("event", 2))).isTrue();
		assertThat(this.manager.check(bob, "report:read", null)).isTrue();
		assertThat(this.manager.check(bob, "event:delete", Resource.of("event", 1))).isFalse();
		assertThat(this.dataSource.executed()).isEqualTo(1);
	}

	@Test
	void groupGrantAllowsSubjectsCarryingTheGroup() {
		this.grants.grant(Grant.of(Grantee.group("auditors"), "report:read"));

		assertThat(this.manager.check(Subject.of("carol").withGroups("auditors"), "report:read", null)).isTrue();
		assertThat(this.manager.check(Subject.of("carol"), "report:read", null)).isFalse();
		assertThat(this.manager.check(Subject.of("carol").withGroups("Auditors"), "report:read", null)).isFalse();
	}

	@Test
	void newGrantToAGroupIsVisibleAtOnceToCachedMembers() {
		this.grants.addMember("staff", "bob");
		Subject dave = Subject.of("dave").withGroups("staff");
		assertThat(this.manager.check("bob", "event:read")).isFalse();
		assertThat(this.manager.check(dave, "event:read", null)).isFalse();

		this.grants.grant(Grant.of(Grantee.group("staff"), "event:read"));

		assertThat(this.manager.check("bob", "event:read")).isTrue();
		assertThat(this.manager.check(dave, "event:read", null)).isTrue();
	}

	@Test
	void expiredGrantStopsMatchingWhileCached() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:read").until(START.plus(Duration.ofMinutes(5))));
		assertThat(this.manager.check("bob", "event:read")).isTrue();

		this.clock.advance(Duration.ofMinutes(5));

		assertThat(this.manager.check("bob", "event:read")).isFalse();
	}

	@Test
	void expiredGrantIsNotLoaded() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:read").until(START.minusSeconds(1)));

		assertThat(this.manager.check("bob", "event:read")).isFalse();
	}

	@Test
	void revokeIsVisibleImmediatelyThoughTheDecisionWasCached() {
		Grant grant = Grant.of(Grantee.user("bob"), "event:update").on("event", 7);
		this.grants.grant(grant);
		assertThat(this.manager.check("bob", "event:update", Resource.of("event", 7))).isTrue();
		this.dataSource.reset();
		assertThat(this.manager.check("bob", "event:update", Resource.of("event", 7))).isTrue();
		assertThat(this.dataSource.executed()).as("second check is answered from the cache").isZero();

		this.grants.revoke(grant);

		assertThat(this.manager.check("bob", "event:update", Resource.of("event", 7))).isFalse();
	}

	@Test
	void newGrantIsVisibleAtOnceAfterACachedDenial() {
		assertThat(this.manager.check("bob", "event:update", Resource.of("event", 7))).isFalse();

		this.grants.grant(Grant.of(Grantee.user("bob"), "event:update").on("event", 7));

		assertThat(this.manager.check("bob", "event:update", Resource.of("event", 7))).isTrue();
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

		assertThatIllegalArgumentException().isThrownBy(() -> this.grants.grantAll(batch))
			.withMessageContaining("event::read");

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

		assertThatIllegalArgumentException().isThrownBy(() -> this.grants.grantAll(batch))
			.withMessageContaining("resource id");

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
	void objectIdsListsTheObjectsOfObjectGrantsWithABoundedNumberOfQueries() {
		List<Grant> batch = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			batch.add(Grant.of(Grantee.user("bob"), "event:read").on("event", i));
		}
		batch.add(Grant.of(Grantee.user("bob"), "event:update").on("event", 5000));
		this.grants.grantAll(batch);
		this.dataSource.reset();

		Set<String> ids = this.manager.objectIds(Subject.of("bob"), "event:read", "event");

		assertThat(ids).hasSize(1000).contains("0", "999").doesNotContain("5000");
		assertThat(this.dataSource.executed()).isEqualTo(1);
		this.dataSource.reset();
		for (int i = 0; i < 1000; i++) {
			assertThat(this.manager.check("bob", "event:read", Resource.of("event", i))).isTrue();
		}
		assertThat(this.manager.objectIds(Subject.of("bob"), "event:read", "event")).hasSize(1000);
		assertThat(this.dataSource.executed()).isZero();
	}

	@Test
	void objectIdsListsOnlyNamedObjectsEvenWhenATypeWideGrantExists() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:read").on("event", 7));
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:read").on("event"));

		assertThat(this.manager.objectIds(Subject.of("bob"), "event:read", "event")).containsExactly("7");
		assertThat(this.manager.check(Subject.of("bob"), "event:read", Resource.ofType("event"))).isTrue();
	}

	@Test
	void objectIdsHonoursTenantsGroupsAndWildcards() {
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:*").on("event", 1));
		this.grants.grant(Grant.of(Grantee.group("staff"), "event:read").on("event", 2));
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:read").on("event", 3).inTenant("acme"));
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:update").on("event", 4));
		this.grants.grant(Grant.of(Grantee.user("bob"), "event:read").on("session", 5));

		assertThat(this.manager.objectIds(Subject.of("bob").withGroups("staff"), "event:read", "event"))
			.containsExactlyInAnyOrder("1", "2");
		assertThat(this.manager.objectIds(Subject.of("bob"), "event:read", "event", "acme"))
			.containsExactlyInAnyOrder("1", "3");
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
	void aRoleNameAskedAsAPermissionMeansTheRoleInChecksAndQueriesAlike() {
		this.grants.grant(Grant.of(Grantee.user("alice"), "organizer").on("event", 1));
		this.grants.grant(Grant.of(Grantee.user("bob"), "coorganizer").on("event", 1));
		this.grants.grant(Grant.of(Grantee.user("root"), "*"));
		this.grants.grant(Grant.of(Grantee.user("carol"), "event:read").on("event", 1));

		assertThat(this.grants.users(GrantQuery.builder().permissions("coorganizer").build())).containsExactly("alice",
				"bob");
		assertThat(this.manager.check("alice", "coorganizer", Resource.of("event", 1))).isTrue();
		assertThat(this.manager.check("bob", "coorganizer", Resource.of("event", 1))).isTrue();
		assertThat(this.manager.check("alice", "coorganizer", Resource.of("event", 2))).isFalse();
		assertThat(this.manager.check("bob", "organizer", Resource.of("event", 1))).isFalse();
		assertThat(this.manager.check("root", "coorganizer", Resource.of("event", 1))).isFalse();
		assertThat(this.manager.check("carol", "coorganizer", Resource.of("event", 1))).isFalse();
		assertThat(this.manager.objectIds(Subject.of("alice"), "coorganizer", "event", null)).containsExactly("1");
		assertThat(this.manager.explain("alice", "coorganizer", Resource.of("event", 1)).reason())
			.isEqualTo("granted 'organizer' (role) to user 'alice' on event '1'");
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
