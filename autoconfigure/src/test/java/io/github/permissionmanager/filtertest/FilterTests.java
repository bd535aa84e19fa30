package io.github.permissionmanager.filtertest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import io.github.permissionmanager.AuthenticationRequiredException;
import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionEvaluationException;
import io.github.permissionmanager.PermissionFilter;
import io.github.permissionmanager.PermissionFilters;
import io.github.permissionmanager.PermissionGrants;
import io.github.permissionmanager.SqlFilter;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.decide.DefaultPermissionEvaluator;
import io.github.permissionmanager.decide.GrantSnapshotCache;
import io.github.permissionmanager.decide.PermittedObjects;
import io.github.permissionmanager.decide.Roles;
import io.github.permissionmanager.filter.DefaultPermissionFilters;
import io.github.permissionmanager.filter.GrantTable;
import io.github.permissionmanager.store.CountingDataSource;
import io.github.permissionmanager.store.MutableClock;
import io.github.permissionmanager.store.StoreTables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Permission filters on the real store and JPA (H2): the current user, composition,
 * sorting, paging and counting in the database, paths through associations, UUID and
 * string ids, the SQL form, changes seen by the next query, and every way a filter could
 * widen the result (no user, a failing store, a bad path, another evaluator), each of
 * which fails the query before it runs. Subjects with more than three object grants are
 * looked up in the grant table ({@link GrantTableFilterTests}).
 */
class FilterTests {

	private static ConfigurableApplicationContext context;

	private PermissionFilters filters;

	private PermissionGrants grants;

	private DocRepository docs;

	private CountingDataSource dataSource;

	private final List<Grant> given = new ArrayList<>();

	@BeforeAll
	static void start() {
		// statements are counted on the whole DataSource: the change log follower's polls
		// would count too
		context = FilterTestApplication.start("jdbc:h2:mem:filter-tests;DB_CLOSE_DELAY=-1", "sa", "filter_",
				"permission-manager.cache.sync.mode=none", "permission-manager.filter.max-object-ids=3");
	}

	@AfterAll
	static void stop() {
		context.close();
	}

	@BeforeEach
	void beans() {
		this.filters = context.getBean(PermissionFilters.class);
		this.grants = context.getBean(PermissionGrants.class);
		this.docs = context.getBean(DocRepository.class);
		this.dataSource = context.getBean(CountingDataSource.class);
	}

	@AfterEach
	void revokeAndSignOut() {
		this.grants.revokeAll(this.given);
		SecurityContextHolder.clearContext();
	}

	private void grant(Grant grant) {
		this.grants.grant(grant);
		this.given.add(grant);
	}

	private List<Long> ids(Specification<Doc> spec) {
		return this.docs.findAll(spec, Sort.by("id")).stream().map(Doc::getId).toList();
	}

	private static void signIn(String user, String... authorities) {
		SecurityContextHolder.getContext()
			.setAuthentication(
					new TestingAuthenticationToken(user, "n/a", AuthorityUtils.createAuthorityList(authorities)));
	}

	@Test
	void currentUserSeesTheDocumentsOfHisObjectGrantsAndThoseOfHisAuthorityGroups() {
		grant(Grant.of(Grantee.user("bob"), "doc:read").on("doc", 3));
		grant(Grant.of(Grantee.group("staff"), "viewer").on("doc", 5));
		grant(Grant.of(Grantee.user("alice"), "doc:read").on("doc", 8));
		signIn("bob", "GROUP_staff");
		assertThat(ids(this.filters.permitted("doc:read").on("doc", "id"))).containsExactly(3L, 5L);
		signIn("bob");
		assertThat(ids(this.filters.permitted("doc:read").on("doc", "id"))).containsExactly(3L);
	}

	@Test
	void aTypeWideGrantAdmitsEveryRowWithAValueAndAGlobalOneToo() {
		grant(Grant.of(Grantee.user("bob"), "folder:read").on("folder"));
		grant(Grant.of(Grantee.user("carol"), "*"));
		List<Long> withFolder = LongStream.rangeClosed(1, FilterTestApplication.DOCS)
			.filter((id) -> id % 7 != 0)
			.boxed()
			.toList();
		assertThat(ids(this.filters.permitted(Subject.of("bob"), "folder:read").on("folder", "folder")))
			.isEqualTo(withFolder);
		assertThat(ids(this.filters.permitted(Subject.of("carol"), "folder:read").on("folder", "folder.id")))
			.isEqualTo(withFolder);
		// every document has an id
		assertThat(this.docs.count(this.filters.permitted(Subject.of("carol"), "doc:delete").on("doc", "id")))
			.isEqualTo(FilterTestApplication.DOCS);
		assertThat(ids(this.filters.permitted(Subject.of("bob"), "doc:read").on("doc", "id"))).isEmpty();
	}

	@Test
	void withoutAUserOrWithAnAnonymousOneTheQueryFailsAsAGuardedCallWouldAndNeverRuns() {
		Specification<Doc> spec = this.filters.permitted("doc:read").on("doc", "id");
		this.dataSource.reset();
		assertThatExceptionOfType(AuthenticationRequiredException.class).isThrownBy(() -> this.docs.findAll(spec));
		SecurityContextHolder.getContext()
			.setAuthentication(new AnonymousAuthenticationToken("key", "anonymous",
					AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
		assertThatExceptionOfType(AuthenticationRequiredException.class)
			.isThrownBy(() -> this.docs.findAll(spec, PageRequest.of(0, 5)));
		// a JWT without sub: no name is nobody, not a 500
		SecurityContextHolder.getContext()
			.setAuthentication(
					new TestingAuthenticationToken("", "n/a", AuthorityUtils.createAuthorityList("ROLE_USER")));
		assertThatExceptionOfType(AuthenticationRequiredException.class).isThrownBy(() -> this.docs.findAll(spec));
		assertThat(this.dataSource.executed()).isZero();
	}

	@Test
	void filtersComposeWithTheApplicationsOwnSpecificationsAndSorting() {
		grant(Grant.of(Grantee.user("bob"), "doc:read").on("doc", 1));
		grant(Grant.of(Grantee.user("bob"), "doc:read").on("doc", 12));
		grant(Grant.of(Grantee.user("bob"), "doc:read").on("doc", 20));
		Specification<Doc> permitted = this.filters.permitted(Subject.of("bob"), "doc:read").on("doc", "id");
		Specification<Doc> titled = (root, query, builder) -> builder.like(root.get("title"), "doc 1%");
		assertThat(ids(permitted.and(titled))).containsExactly(1L, 12L);
		List<Long> descending = this.docs.findAll(permitted, Sort.by(Sort.Direction.DESC, "title"))
			.stream()
			.map(Doc::getId)
			.toList();
		assertThat(descending).containsExactly(20L, 12L, 1L);
		// the application's own "or" cannot widen a filter it is combined with by "and"
		Specification<Doc> ownDocs = (root, query, builder) -> builder.equal(root.get("id"), 2L);
		assertThat(ids(permitted.or(ownDocs))).containsExactly(1L, 2L, 12L, 20L);
		assertThat(ids(Specification.not(permitted).and(titled))).doesNotContain(1L, 12L).contains(10L);
	}

	@Test
	void pagesAndTheirTotalsComeFromTheDatabaseInOneStatementEachWhateverTheNumberOfGrants() {
		List<Grant> many = new ArrayList<>();
		for (long id = 1; id <= FilterTestApplication.DOCS; id += 2) {
			many.add(Grant.of(Grantee.user("bob"), "doc:read").on("doc", id));
		}
		for (long id = 1000; id < 1300; id++) {
			many.add(Grant.of(Grantee.user("bob"), "doc:read").on("doc", id));
		}
		this.grants.grantAll(many);
		this.given.addAll(many);
		Specification<Doc> spec = this.filters.permitted(Subject.of("bob"), "doc:read").on("doc", "id");
		this.docs.count(spec); // loads bob's snapshot
		this.dataSource.reset();
		Page<Doc> first = this.docs.findAll(spec, PageRequest.of(0, 4, Sort.by("id")));
		assertThat(this.dataSource.executed()).as("one statement for the page, one for the count").isEqualTo(2);
		assertThat(first.getTotalElements()).isEqualTo(15);
		assertThat(first.getTotalPages()).isEqualTo(4);
		assertThat(first.getContent()).extracting(Doc::getId).containsExactly(1L, 3L, 5L, 7L);
		Page<Doc> last = this.docs.findAll(spec, PageRequest.of(3, 4, Sort.by("id")));
		assertThat(last.getContent()).extracting(Doc::getId).containsExactly(25L, 27L, 29L);
		assertThat(last.getTotalElements()).isEqualTo(15);
	}

	@Test
	void listedIdsAreOneArrayParameterForStringsAndWholeNumbersAndOneEachForUuids() {
		grant(Grant.of(Grantee.user("bob"), "doc:read").on("doc", 2));
		grant(Grant.of(Grantee.user("bob"), "doc:read").on("doc", 4));
		grant(Grant.of(Grantee.user("bob"), "doc:read").on("doc", "06"));
		grant(Grant.of(Grantee.user("bob"), "doc:read").on("code", "c9"));
		grant(Grant.of(Grantee.user("bob"), "doc:read").on("code", "C10"));
		grant(Grant.of(Grantee.user("bob"), "doc:read").on("uuid", FilterTestApplication.uuidOf(11).toString()));
		grant(Grant.of(Grantee.user("bob"), "doc:read").on("uuid", FilterTestApplication.uuidOf(12).toString()));
		PermissionFilter bob = this.filters.permitted(Subject.of("bob"), "doc:read");
		this.dataSource.reset();
		assertThat(ids(bob.on("doc", "id"))).containsExactly(2L, 4L);
		assertThat(ids(bob.on("code", "code"))).containsExactly(9L);
		assertThat(ids(bob.on("uuid", "uuid"))).containsExactly(11L, 12L);
		List<String> sql = this.dataSource.prepared()
			.stream()
			.filter((text) -> text.contains("from filter_doc"))
			.toList();
		assertThat(sql).hasSize(3);
		assertThat(sql.get(0)).contains("where d1_0.id = ANY(?)").doesNotContain(" in (");
		assertThat(sql.get(1)).contains("where d1_0.code = ANY(?)").doesNotContain(" in (");
		assertThat(sql.get(2)).contains("where d1_0.uuid in (?,?)");
	}

	@Test
	void aPathOfTwoHopsAndStringAndUuidIdsAreComparedExactly() {
		grant(Grant.of(Grantee.user("bob"), "folder:read").on("folder", 2));
		grant(Grant.of(Grantee.user("bob"), "doc:read").on("code", "c9"));
		grant(Grant.of(Grantee.user("bob"), "doc:read").on("code", "C10"));
		grant(Grant.of(Grantee.user("bob"), "doc:read").on("uuid", FilterTestApplication.uuidOf(11).toString()));
		grant(Grant.of(Grantee.user("bob"), "doc:read")
			.on("uuid", FilterTestApplication.uuidOf(12).toString().toUpperCase()));
		grant(Grant.of(Grantee.user("bob"), "doc:read").on("doc", "013"));
		NoteRepository notes = context.getBean(NoteRepository.class);
		// folder 2 holds the documents whose id modulo 6 is 1 (7 has no folder)
		assertThat(notes.findAll(this.filters.permitted(Subject.of("bob"), "folder:read").on("folder", "doc.folder.id"),
				Sort.by("id")))
			.extracting(Note::getId)
			.containsExactly(1L, 13L, 19L, 25L);
		assertThat(ids(this.filters.permitted(Subject.of("bob"), "doc:read").on("code", "code"))).containsExactly(9L);
		assertThat(ids(this.filters.permitted(Subject.of("bob"), "doc:read").on("uuid", "uuid"))).containsExactly(11L);
		assertThat(ids(this.filters.permitted(Subject.of("bob"), "doc:read").on("doc", "id"))).isEmpty();
	}

	@Test
	void aRevokeAGroupChangeOrAnExpiryShowsInTheNextPageAndCountWhileASnapshotListsItsObjectsOnce() {
		MutableClock clock = context.getBean(MutableClock.class);
		GrantSnapshotCache snapshots = context.getBean(GrantSnapshotCache.class);
		grant(Grant.of(Grantee.user("bob"), "doc:read").on("doc", 1));
		grant(Grant.of(Grantee.user("bob"), "doc:read").on("doc", 2));
		grant(Grant.of(Grantee.group("ops"), "doc:read").on("doc", 3));
		grant(Grant.of(Grantee.user("bob"), "doc:read")
			.on("doc", 4)
			.until(clock.instant().plus(Duration.ofMinutes(5))));
		this.grants.addMember("ops", "bob");
		try {
			Subject bob = Subject.of("bob");
			Specification<Doc> spec = this.filters.permitted(bob, "doc:read").on("doc", "id");
			PageRequest request = PageRequest.of(0, 2, Sort.by("id"));
			PermittedObjects listed = snapshots.permitted(bob, "doc:read", "doc", null);
			assertThat(snapshots.permitted(bob, "doc:read", "doc", null)).isSameAs(listed);
			assertThat(snapshots.permitted(bob, "doc:read", "doc", "acme")).isNotSameAs(listed);
			assertPage(spec, request, 4, 1L, 2L);
			this.grants.revoke(Grant.of(Grantee.user("bob"), "doc:read").on("doc", 1));
			assertThat(snapshots.permitted(bob, "doc:read", "doc", null)).isNotSameAs(listed);
			assertPage(spec, request, 3, 2L, 3L);
			this.grants.removeMember("ops", "bob");
			assertPage(spec, request, 2, 2L, 4L);
			clock.advance(Duration.ofMinutes(6));
			assertPage(spec, request, 1, 2L);
			// the same ids again, in a snapshot of their own
			grant(Grant.of(Grantee.user("bob"), "doc:read").on("doc", 1));
			this.grants.addMember("ops", "bob");
			assertPage(spec, request, 3, 1L, 2L);
		}
		finally {
			this.grants.removeMember("ops", "bob");
		}
	}

	private void assertPage(Specification<Doc> spec, PageRequest request, long total, Long... ids) {
		Page<Doc> page = this.docs.findAll(spec, request);
		assertThat(page.getContent()).extracting(Doc::getId).containsExactly(ids);
		assertThat(page.getTotalElements()).isEqualTo(total);
		assertThat(this.docs.count(spec)).isEqualTo(total);
	}

	@Test
	void tenantsCountAsInChecks() {
		grant(Grant.of(Grantee.user("bob"), "doc:read").on("doc", 1).inTenant("acme"));
		grant(Grant.of(Grantee.user("bob"), "doc:read").on("doc", 2));
		grant(Grant.of(Grantee.user("bob"), "doc:read").on("doc").inTenant("globex"));
		PermissionFilter bob = this.filters.permitted(Subject.of("bob"), "doc:read");
		assertThat(ids(bob.on("doc", "id"))).containsExactly(2L);
		assertThat(ids(bob.inTenant("acme").on("doc", "id"))).containsExactly(1L, 2L);
		assertThat(this.docs.count(bob.inTenant("globex").on("doc", "id"))).isEqualTo(FilterTestApplication.DOCS);
	}

	@Test
	void aPermissionThatCannotBeParsedAdmitsNothingAsACheckWouldDeny() {
		grant(Grant.of(Grantee.user("bob"), "*"));
		assertThat(ids(this.filters.permitted(Subject.of("bob"), "doc::read").on("doc", "id"))).isEmpty();
	}

	@Test
	void aPathThatDoesNotFitIsRefusedWithItsNameEvenForAUserWhoMaySeeEverything() {
		grant(Grant.of(Grantee.user("carol"), "*"));
		PermissionFilter carol = this.filters.permitted(Subject.of("carol"), "doc:read");
		this.dataSource.reset();
		assertThatExceptionOfType(PermissionEvaluationException.class)
			.isThrownBy(() -> this.docs.findAll(carol.on("folder", "fodler.id")))
			.withMessage("A permission filter on folder cannot use attribute path 'fodler.id' of " + Doc.class.getName()
					+ ": there is no attribute 'fodler'");
		assertThatExceptionOfType(PermissionEvaluationException.class)
			.isThrownBy(() -> this.docs.findAll(carol.on("doc", "title.id")))
			.withMessageEndingWith("'title' is neither an association nor embedded");
		assertThatExceptionOfType(PermissionEvaluationException.class)
			.isThrownBy(() -> this.docs.findAll(carol.on("doc", "folder..id")))
			.withMessageEndingWith("it has an empty step");
		assertThat(this.dataSource.executed()).isZero();
	}

	@Test
	void theSpecificationRefusesToBeUsedWithoutACriteriaQuery() {
		Specification<Doc> spec = this.filters.permitted(Subject.of("bob"), "doc:read").on("doc", "id");
		assertThatExceptionOfType(PermissionEvaluationException.class)
			.isThrownBy(() -> spec.toPredicate(null, null, null))
			.withMessageContaining("is for read queries");
	}

	@Test
	void aFailingStoreFailsTheQueryBeforeItRuns() {
		GrantSnapshotCache failing = new GrantSnapshotCache((user, groups) -> {
			throw new DataAccessResourceFailureException("store down");
		}, Roles.none(), context.getBean(MutableClock.class), null, 0);
		DefaultPermissionFilters filters = new DefaultPermissionFilters(failing,
				() -> new DefaultPermissionEvaluator(failing), () -> (authentication) -> Subject.of("bob"),
				DefaultConversionService.getSharedInstance(), 100, new GrantTable(new StoreTables("filter_"),
						() -> "H2", context.getBean(MutableClock.class), (builder) -> true));
		this.dataSource.reset();
		assertThatExceptionOfType(PermissionEvaluationException.class)
			.isThrownBy(() -> this.docs.findAll(filters.permitted(Subject.of("bob"), "doc:read").on("doc", "id"),
					PageRequest.of(0, 5)))
			.withMessage("Could not read the grants of 'bob' to filter doc by doc:read")
			.withCauseInstanceOf(DataAccessResourceFailureException.class);
		assertThat(this.dataSource.executed()).isZero();
	}

	@Test
	void theSqlFormAdmitsTheSameRows() {
		grant(Grant.of(Grantee.user("bob"), "doc:read").on("doc", 4));
		grant(Grant.of(Grantee.user("bob"), "doc:read").on("doc", 9));
		grant(Grant.of(Grantee.user("bob"), "doc:read").on("doc", "x"));
		grant(Grant.of(Grantee.user("carol"), "doc:read").on("doc"));
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		SqlFilter bob = this.filters.permitted(Subject.of("bob"), "doc:read").sql("doc", "d.id", Long.class);
		assertThat(jdbc.sql("select d.id from filter_doc d where " + bob.predicate() + " order by d.id")
			.params(bob.parameters())
			.query(Long.class)
			.list()).containsExactly(4L, 9L);
		SqlFilter carol = this.filters.permitted(Subject.of("carol"), "doc:read").sql("doc", "id", Long.class);
		assertThat(carol.predicate()).isEqualTo("(id IS NOT NULL)");
		assertThat(jdbc.sql("select count(*) from filter_doc where " + carol.predicate()).query(Long.class).single())
			.isEqualTo(FilterTestApplication.DOCS);
		SqlFilter dave = this.filters.permitted(Subject.of("dave"), "doc:read").sql("doc", "id");
		assertThat(dave).isEqualTo(new SqlFilter("(1 = 0)", Map.of()));
		assertThat(bob.predicate()).matches("\\(d\\.id = ANY\\(:pmFilter\\d+_0\\)\\)");
		assertThat(bob.parameters().values()).singleElement().isInstanceOf(SqlArrayValue.class);
		SqlFilter codes = this.filters.permitted(Subject.of("bob"), "doc:read").sql("doc", "code");
		assertThat(codes.predicate()).startsWith("(code = ANY(");
		grant(Grant.of(Grantee.user("bob"), "doc:read").on("doc", "c12"));
		grant(Grant.of(Grantee.user("bob"), "doc:read").on("doc", "C13"));
		codes = this.filters.permitted(Subject.of("bob"), "doc:read").sql("doc", "code");
		assertThat(jdbc.sql("select id from filter_doc where " + codes.predicate() + " order by id")
			.params(codes.parameters())
			.query(Long.class)
			.list()).containsExactly(12L);
		// two filters in one statement do not share a parameter name
		SqlFilter again = this.filters.permitted(Subject.of("bob"), "doc:read").sql("doc", "d.id", Long.class);
		assertThat(again.parameters().keySet()).doesNotContainAnyElementsOf(bob.parameters().keySet());
	}

	@Test
	void theSqlFormTakesAColumnNameOnlyNeverAPieceOfSql() {
		PermissionFilter bob = this.filters.permitted(Subject.of("bob"), "doc:read");
		for (String column : List.of("id or 1=1", "id) or (1=1", "id;drop table x", "", "a.b.c", "1id")) {
			assertThatIllegalArgumentException().as(column).isThrownBy(() -> bob.sql("doc", column));
		}
		assertThat(bob.sql("doc", "uuid", UUID.class).predicate()).isEqualTo("(1 = 0)");
	}

}
