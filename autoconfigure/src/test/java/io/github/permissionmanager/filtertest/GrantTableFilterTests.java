package io.github.permissionmanager.filtertest;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionEvaluationException;
import io.github.permissionmanager.PermissionFilter;
import io.github.permissionmanager.PermissionFilters;
import io.github.permissionmanager.PermissionGrants;
import io.github.permissionmanager.PermissionManager;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.SqlFilter;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.decide.DefaultPermissionEvaluator;
import io.github.permissionmanager.decide.GrantSnapshotCache;
import io.github.permissionmanager.filter.DefaultPermissionFilters;
import io.github.permissionmanager.filter.GrantTable;
import io.github.permissionmanager.store.CountingDataSource;
import io.github.permissionmanager.store.MutableClock;
import io.github.permissionmanager.store.StoreTables;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.Root;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.DeleteSpecification;
import org.springframework.data.jpa.domain.PredicateSpecification;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.domain.UpdateSpecification;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Subjects with more object grants than a filter lists (here two): the filter looks them
 * up in the grant table with one correlated {@code EXISTS}, whose SQL does not grow with
 * the grants, and which admits exactly what checks allow (groups, roles, wildcards,
 * tenants, expiry by the checks' clock, exact ids); and where it cannot, the query fails
 * before it runs.
 */
class GrantTableFilterTests {

	private static ConfigurableApplicationContext context;

	private PermissionFilters filters;

	private PermissionGrants grants;

	private PermissionManager permissions;

	private DocRepository docs;

	private CountingDataSource dataSource;

	private final List<Grant> given = new ArrayList<>();

	@BeforeAll
	static void start() {
		context = FilterTestApplication.start("jdbc:h2:mem:grant-table-filter-tests;DB_CLOSE_DELAY=-1", "sa", "gtf_",
				"permission-manager.cache.sync.mode=none", "permission-manager.filter.max-object-ids=2");
	}

	@AfterAll
	static void stop() {
		context.close();
	}

	@BeforeEach
	void beans() {
		this.filters = context.getBean(PermissionFilters.class);
		this.grants = context.getBean(PermissionGrants.class);
		this.permissions = context.getBean(PermissionManager.class);
		this.docs = context.getBean(DocRepository.class);
		this.dataSource = context.getBean(CountingDataSource.class);
	}

	@AfterEach
	void revoke() {
		this.grants.revokeAll(this.given);
		this.given.clear();
	}

	private void grant(Grant... grants) {
		this.grants.grantAll(List.of(grants));
		this.given.addAll(List.of(grants));
	}

	private List<Long> ids(Specification<Doc> spec) {
		return this.docs.findAll(spec, Sort.by("id")).stream().map(Doc::getId).toList();
	}

	// The documents a check allows, reading the resource id (and tenant) off each row
	private List<Long> allowed(Subject subject, String permission, String type, Function<Doc, @Nullable Object> id,
			Function<Doc, @Nullable String> tenant) {
		return this.docs.findAll(Sort.by("id"))
			.stream()
			.filter((doc) -> id.apply(doc) != null && this.permissions.check(subject, permission,
					Resource.of(type, id.apply(doc)).withTenant(tenant.apply(doc))))
			.map(Doc::getId)
			.toList();
	}

	private Grant bob(String permission, String type, Object id) {
		return Grant.of(Grantee.user("bob"), permission).on(type, id);
	}

	@Test
	void manyObjectGrantsAreLookedUpInOneStatementWhoseSqlDoesNotGrowWithThem() {
		grant(bob("doc:read", "doc", 1), bob("doc:read", "doc", 2), bob("doc:read", "doc", 3));
		Specification<Doc> spec = this.filters.permitted(Subject.of("bob"), "doc:read").on("doc", "id");
		this.docs.count(spec); // loads bob's snapshot
		this.dataSource.reset();
		Page<Doc> page = this.docs.findAll(spec, PageRequest.of(0, 2, Sort.by("id")));
		assertThat(page.getContent()).extracting(Doc::getId).containsExactly(1L, 2L);
		assertThat(page.getTotalElements()).isEqualTo(3);
		assertThat(this.dataSource.executed()).as("one statement for the page, one for the count").isEqualTo(2);
		String pageSql = this.dataSource.prepared().get(0);
		// on H2 the ids are selected once per statement (an EXISTS would run per row)
		assertThat(pageSql)
			.contains("COALESCE(CAST(d1_0.id AS VARCHAR) IN (SELECT pm_g.resource_id FROM gtf_grants pm_g")
			.doesNotContain(" in (");
		for (long id = 4; id <= 20; id++) {
			grant(bob("doc:read", "doc", id));
		}
		this.docs.count(spec);
		this.dataSource.reset();
		page = this.docs.findAll(spec, PageRequest.of(0, 2, Sort.by("id")));
		assertThat(page.getTotalElements()).isEqualTo(20);
		assertThat(this.dataSource.prepared().get(0)).isEqualTo(pageSql);
	}

	@Test
	void groupsRolesWildcardsTenantsAndExpiryCountInTheGrantTableAsInChecks() {
		MutableClock clock = context.getBean(MutableClock.class);
		this.grants.addMember("ops", "bob");
		try {
			grant(bob("doc:read", "doc", 1), bob("doc:read,write", "doc", 2), bob("doc:*", "doc", 3),
					bob("viewer", "doc", 4), bob("*", "doc", 5), bob("doc", "doc", 6), bob("doc:write", "doc", 8),
					bob("doc:read:*", "doc", 9), bob("folder:read", "doc", 10), bob("doc:read", "folder", 11),
					bob("doc:read", "doc", 12).inTenant("acme"),
					bob("doc:read", "doc", 13).until(clock.instant().plus(Duration.ofMinutes(5))),
					bob("doc:read", "doc", 15).until(clock.instant().minus(Duration.ofMinutes(5))),
					Grant.of(Grantee.group("ops"), "doc:read").on("doc", 16),
					Grant.of(Grantee.group("staff"), "editor").on("doc", 17),
					Grant.of(Grantee.group("other"), "doc:read").on("doc", 18),
					Grant.of(Grantee.user("alice"), "doc:read").on("doc", 19),
					Grant.of(Grantee.user("Bob"), "doc:read").on("doc", 20));
			for (Subject subject : List.of(Subject.of("bob"), Subject.of("bob").withGroups("staff"))) {
				for (String tenant : new String[] { null, "acme", "globex" }) {
					PermissionFilter filter = this.filters.permitted(subject, "doc:read").inTenant(tenant);
					List<Long> expected = allowed(subject, "doc:read", "doc", Doc::getId, (doc) -> tenant);
					assertThat(ids(filter.on("doc", "id"))).as("%s in %s", subject, tenant).isEqualTo(expected);
				}
			}
			assertThat(ids(this.filters.permitted(Subject.of("bob").withGroups("staff"), "doc:read").on("doc", "id")))
				.containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 9L, 13L, 16L, 17L);
			clock.advance(Duration.ofMinutes(6));
			assertThat(ids(this.filters.permitted(Subject.of("bob"), "doc:read").on("doc", "id"))).containsExactly(1L,
					2L, 3L, 4L, 5L, 6L, 9L, 16L);
		}
		finally {
			this.grants.removeMember("ops", "bob");
		}
	}

	@Test
	void anExpiryIsDecidedWhenEachQueryIsBuiltNeverFrozenInTheSpecification() {
		MutableClock clock = context.getBean(MutableClock.class);
		grant(bob("doc:read", "doc", 1), bob("doc:read", "doc", 2),
				bob("doc:read", "doc", 3).until(clock.instant().plus(Duration.ofMinutes(5))),
				bob("doc:read", "doc", 4).until(clock.instant().plus(Duration.ofMinutes(10))));
		Specification<Doc> spec = this.filters.permitted(Subject.of("bob"), "doc:read").on("doc", "id");
		assertThat(ids(spec)).containsExactly(1L, 2L, 3L, 4L);
		clock.advance(Duration.ofMinutes(6));
		// three objects left: still the grant table's EXISTS, with the new now
		assertThat(ids(spec)).containsExactly(1L, 2L, 4L);
		assertThat(this.docs.count(spec)).isEqualTo(3);
	}

	@Test
	void stringAndUuidIdsAreComparedExactlyInTheGrantTable() {
		grant(bob("doc:read", "code", "c1"), bob("doc:read", "code", "C2"), bob("doc:read", "code", "c3 "),
				bob("doc:read", "code", "c4"), bob("doc:read", "uuid", FilterTestApplication.uuidOf(1)),
				bob("doc:read", "uuid", FilterTestApplication.uuidOf(2).toString().toUpperCase()),
				bob("doc:read", "uuid", FilterTestApplication.uuidOf(3)), bob("doc:read", "doc", "05"),
				bob("doc:read", "doc", 6), bob("doc:read", "doc", "x"));
		PermissionFilter bob = this.filters.permitted(Subject.of("bob"), "doc:read");
		assertThat(ids(bob.on("code", "code"))).containsExactly(1L, 4L);
		assertThat(ids(bob.on("uuid", "uuid"))).containsExactly(1L, 3L);
		assertThat(ids(bob.on("doc", "id"))).containsExactly(6L);
	}

	@Test
	void aNegatedLookUpIsTheExactComplementIncludingRowsWithoutAnId() {
		// documents 7, 14, 21 and 28 have no folder: never admitted, so in every "not"
		grant(Grant.of(Grantee.user("bob"), "folder:read").on("folder", 1),
				Grant.of(Grantee.user("bob"), "folder:read").on("folder", 2),
				Grant.of(Grantee.user("bob"), "folder:read").on("folder", 3),
				Grant.of(Grantee.user("bob"), "folder:read").on("folder", "x"));
		Specification<Doc> permitted = this.filters.permitted(Subject.of("bob"), "folder:read")
			.on("folder", "folder.id");
		List<Long> admitted = ids(permitted);
		assertThat(admitted).isNotEmpty()
			.isEqualTo(allowed(Subject.of("bob"), "folder:read", "folder",
					(doc) -> (doc.getFolder() != null) ? doc.getFolder().getId() : null, (doc) -> null));
		List<Long> rest = ids(Specification.not(permitted));
		assertThat(rest).contains(7L, 14L, 21L, 28L).doesNotContainAnyElementsOf(admitted);
		assertThat(admitted.size() + rest.size()).isEqualTo(FilterTestApplication.DOCS);
	}

	@Test
	void aRevokeShowsInTheNextPage() {
		grant(bob("doc:read", "doc", 1), bob("doc:read", "doc", 2), bob("doc:read", "doc", 3),
				bob("doc:read", "doc", 4));
		Specification<Doc> spec = this.filters.permitted(Subject.of("bob"), "doc:read").on("doc", "id");
		assertThat(ids(spec)).containsExactly(1L, 2L, 3L, 4L);
		this.grants.revoke(bob("doc:read", "doc", 2));
		assertThat(ids(spec)).containsExactly(1L, 3L, 4L);
	}

	@Test
	void conditionalGrantsNeverWidenAListInTheIdListTheGrantTableOrTheSqlForm() {
		Subject bob = Subject.of("bob");
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		// a condition that holds for every check still adds no row to a list
		grant(bob("doc:read", "doc", 1), bob("doc:read", "doc", 4).when("true"),
				Grant.of(Grantee.user("bob"), "doc:read").on("doc").when("resource.id == '5'"),
				Grant.of(Grantee.user("bob"), "doc:read").when("true"));
		assertThat(this.permissions.check(bob, "doc:read", Resource.of("doc", 4))).isTrue();
		assertThat(this.permissions.check(bob, "doc:read", Resource.of("doc", 5))).isTrue();
		assertThat(this.permissions.check(bob, "doc:read", Resource.of("doc", 6))).isTrue();
		assertThat(ids(this.filters.permitted(bob, "doc:read").on("doc", "id"))).containsExactly(1L);
		// past max-object-ids: the grant table's EXISTS, where conditional rows of the
		// same permission lie beside the others
		grant(bob("doc:read", "doc", 2), bob("doc:read", "doc", 3), bob("doc:read", "doc", 7).when("true"));
		Specification<Doc> spec = this.filters.permitted(bob, "doc:read").on("doc", "id");
		assertThat(ids(spec)).containsExactly(1L, 2L, 3L);
		SqlFilter sql = this.filters.permitted(bob, "doc:read").sql("doc", "d.id", Long.class);
		assertThat(sql.predicate()).contains("pm_g.grant_condition IS NULL");
		assertThat(jdbc.sql("select d.id from gtf_doc d where " + sql.predicate() + " order by d.id")
			.params(sql.parameters())
			.query(Long.class)
			.list()).containsExactly(1L, 2L, 3L);
	}

	@Test
	void theSqlFormLooksManyObjectGrantsUpInTheGrantTableToo() {
		grant(bob("doc:read", "doc", 4), bob("doc:read", "doc", 9), bob("doc:read", "doc", 11).inTenant("acme"),
				bob("viewer", "doc", 12), bob("doc:read", "code", "c4"), bob("doc:read", "code", "C9"),
				bob("doc:read", "code", "c11"));
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		SqlFilter ids = this.filters.permitted(Subject.of("bob"), "doc:read").sql("doc", "d.id", Long.class);
		assertThat(ids.predicate())
			.startsWith("(COALESCE(CAST(d.id AS VARCHAR) IN (SELECT pm_g.resource_id FROM gtf_grants pm_g WHERE");
		assertThat(jdbc.sql("select d.id from gtf_doc d where " + ids.predicate() + " order by d.id")
			.params(ids.parameters())
			.query(Long.class)
			.list()).containsExactly(4L, 9L, 12L);
		SqlFilter codes = this.filters.permitted(Subject.of("bob"), "doc:read").inTenant("acme").sql("doc", "code");
		SqlFilter both = this.filters.permitted(Subject.of("bob"), "doc:read").sql("code", "code");
		assertThat(jdbc.sql("select d.id from gtf_doc d where " + both.predicate() + " order by d.id")
			.params(both.parameters())
			.query(Long.class)
			.list()).containsExactly(4L, 11L);
		assertThat(codes.parameters().keySet()).doesNotContainAnyElementsOf(both.parameters().keySet());
	}

	@Test
	void whenTheEntitiesAreNotInTheGrantStoresDatabaseTheQueryFailsBeforeItRuns() {
		GrantSnapshotCache snapshots = context.getBean(GrantSnapshotCache.class);
		DefaultPermissionFilters elsewhere = new DefaultPermissionFilters(snapshots,
				() -> new DefaultPermissionEvaluator(snapshots), () -> (authentication) -> Subject.of("bob"),
				DefaultConversionService.getSharedInstance(), 2, new GrantTable(new StoreTables("gtf_"), () -> "H2",
						context.getBean(MutableClock.class), (builder) -> false));
		grant(bob("doc:read", "doc", 1), bob("doc:read", "doc", 2));
		Specification<Doc> spec = elsewhere.permitted(Subject.of("bob"), "doc:read").on("doc", "id");
		assertThat(ids(spec)).as("a short list needs no grant table").containsExactly(1L, 2L);
		grant(bob("doc:read", "doc", 3));
		snapshots.groups(Subject.of("bob")); // loads bob's snapshot
		this.dataSource.reset();
		assertThatExceptionOfType(PermissionEvaluationException.class).isThrownBy(() -> ids(spec))
			.withMessage("'bob' holds doc:read on 3 objects of doc, more than permission-manager.filter.max-object-ids "
					+ "lists, and the grant table cannot be queried instead: the entities are not in the grant store's "
					+ "database");
		assertThat(this.dataSource.executed()).isZero();
		// a grant on the whole type needs no list at all
		grant(Grant.of(Grantee.user("bob"), "doc:read").on("doc"));
		assertThat(this.docs.count(spec)).isEqualTo(FilterTestApplication.DOCS);
	}

	@Test
	void idsOfATypeTheDatabaseDoesNotPrintAsJavaDoesAreNeverComparedAsText() {
		grant(bob("doc:read", "doc", 1), bob("doc:read", "doc", 2), bob("doc:read", "doc", 3));
		assertThatExceptionOfType(PermissionEvaluationException.class)
			.isThrownBy(
					() -> this.filters.permitted(Subject.of("bob"), "doc:read").sql("doc", "d.id", BigDecimal.class))
			.withMessageEndingWith("the grant table cannot be queried instead: values of java.math.BigDecimal cannot "
					+ "be compared with the grant table's text");
	}

	@Test
	void aBulkUpdateOrDeleteCannotBorrowTheFilter() {
		grant(bob("doc:read", "doc", 1), bob("doc:read", "doc", 2), bob("doc:read", "doc", 3));
		Specification<Doc> spec = this.filters.permitted(Subject.of("bob"), "doc:read").on("doc", "id");
		DeleteSpecification<Doc> delete = (root, query, builder) -> spec.toPredicate(root, null, builder);
		assertThatExceptionOfType(PermissionEvaluationException.class).isThrownBy(() -> this.docs.delete(delete))
			.withMessageContaining("is for read queries");
		PredicateSpecification<Doc> predicate = (from, builder) -> spec.toPredicate(root(from), null, builder);
		assertThatExceptionOfType(PermissionEvaluationException.class).isThrownBy(() -> this.docs.delete(predicate))
			.withMessageContaining("is for read queries");
		UpdateSpecification<Doc> update = UpdateSpecification
			.<Doc>update((root, query, builder) -> query.set(root.get("title"), "renamed"))
			.where((root, query, builder) -> spec.toPredicate(root, null, builder));
		this.dataSource.reset();
		assertThatExceptionOfType(PermissionEvaluationException.class).isThrownBy(() -> this.docs.update(update))
			.withMessageContaining("is for read queries");
		assertThat(this.dataSource.executed()).isZero();
		assertThat(this.docs.count()).isEqualTo(FilterTestApplication.DOCS);
		assertThat(this.docs.findAll()).extracting(Doc::getTitle).doesNotContain("renamed");
	}

	@SuppressWarnings("unchecked")
	private static Root<Doc> root(From<?, Doc> from) {
		return (Root<Doc>) (Object) from;
	}

}
