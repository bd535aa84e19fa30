package io.github.permissionmanager.filtertest;

import java.util.ArrayList;
import java.util.List;

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
import io.github.permissionmanager.store.MutableClock;
import io.github.permissionmanager.store.StoreTables;
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
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Rows that each carry their tenant ({@code inTenantOf}), listed and looked up in the
 * grant table alike, and filters placed on attributes of the JPA metamodel
 * ({@code Doc_.folder}, {@code Note_.doc} then {@code Doc_.folder}).
 */
class RowTenantAndMetamodelFilterTests {

	private static ConfigurableApplicationContext context;

	private PermissionGrants grants;

	private PermissionManager permissions;

	private DocRepository docs;

	private final List<Grant> given = new ArrayList<>();

	@BeforeAll
	static void start() {
		context = FilterTestApplication.start("jdbc:h2:mem:row-tenant-filter-tests;DB_CLOSE_DELAY=-1", "sa", "rtf_",
				"permission-manager.cache.sync.mode=none");
	}

	@AfterAll
	static void stop() {
		context.close();
	}

	@BeforeEach
	void beans() {
		this.grants = context.getBean(PermissionGrants.class);
		this.permissions = context.getBean(PermissionManager.class);
		this.docs = context.getBean(DocRepository.class);
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

	// Filters that list up to so many object ids and look more up in the grant table
	private static PermissionFilters filters(int maxObjectIds) {
		GrantSnapshotCache snapshots = context.getBean(GrantSnapshotCache.class);
		return new DefaultPermissionFilters(snapshots, () -> new DefaultPermissionEvaluator(snapshots),
				() -> (authentication) -> Subject.of(authentication.getName()),
				DefaultConversionService.getSharedInstance(), maxObjectIds, new GrantTable(new StoreTables("rtf_"),
						() -> "H2", context.getBean(MutableClock.class), (builder) -> true));
	}

	private List<Long> ids(Specification<Doc> spec) {
		return this.docs.findAll(spec, Sort.by("id")).stream().map(Doc::getId).toList();
	}

	private List<Long> allowedInTheirTenant(Subject subject, String permission) {
		return this.docs.findAll(Sort.by("id"))
			.stream()
			.filter((doc) -> this.permissions.check(subject, permission,
					Resource.of("doc", doc.getId()).withTenant(doc.getTenant())))
			.map(Doc::getId)
			.toList();
	}

	private static Grant bob(String permission, long id) {
		return Grant.of(Grantee.user("bob"), permission).on("doc", id);
	}

	@Test
	void rowsInTheirOwnTenantAreAdmittedAsChecksInThatTenantAllowListedOrLookedUp() {
		// documents are in tenants t2, T1, "t1 ", t1 in turn from 1; 7, 14, 21, 28 in
		// none
		grant(bob("doc:read", 1), bob("doc:read", 5).inTenant("t2"), bob("doc:read", 6).inTenant("t2"),
				bob("doc:read", 2).inTenant("t1"), bob("doc:read", 8).inTenant("t1"),
				bob("doc:read", 3).inTenant("t1 "), bob("doc:read", 7).inTenant("t1"), bob("doc:read", 11),
				Grant.of(Grantee.user("bob"), "doc:read").on("doc").inTenant("T1"));
		List<Long> expected = allowedInTheirTenant(Subject.of("bob"), "doc:read");
		assertThat(expected).containsExactly(1L, 2L, 3L, 5L, 6L, 8L, 10L, 11L, 18L, 22L, 26L, 30L);
		for (int max : List.of(0, 2, 1000)) {
			PermissionFilter bob = filters(max).permitted(Subject.of("bob"), "doc:read").inTenantOf("tenant");
			assertThat(ids(bob.on("doc", "id"))).as("listing up to %d", max).isEqualTo(expected);
			assertThat(this.docs.count(bob.on("doc", "id"))).isEqualTo(expected.size());
		}
		// a grant in every tenant admits every row with an id, whatever its tenant
		grant(Grant.of(Grantee.user("bob"), "doc:read").on("doc"));
		assertThat(this.docs
			.count(filters(0).permitted(Subject.of("bob"), "doc:read").inTenantOf("tenant").on("doc", "id")))
			.isEqualTo(FilterTestApplication.DOCS);
	}

	@Test
	void theSqlFormTakesEachRowsTenantFromAColumn() {
		grant(bob("doc:read", 1), bob("doc:read", 5).inTenant("t2"), bob("doc:read", 2).inTenant("t1"),
				bob("doc:read", 8).inTenant("t1"), Grant.of(Grantee.user("bob"), "doc:read").on("doc").inTenant("T1"));
		JdbcClient jdbc = JdbcClient.create(context.getBean(javax.sql.DataSource.class));
		List<Long> expected = allowedInTheirTenant(Subject.of("bob"), "doc:read");
		for (int max : List.of(0, 1000)) {
			SqlFilter bob = filters(max).permitted(Subject.of("bob"), "doc:read")
				.inTenantOf("d.tenant")
				.sql("doc", "d.id", Long.class);
			assertThat(jdbc.sql("select d.id from rtf_doc d where " + bob.predicate() + " order by d.id")
				.params(bob.parameters())
				.query(Long.class)
				.list()).as("listing up to %d", max).isEqualTo(expected);
		}
		assertThatIllegalArgumentException()
			.isThrownBy(() -> filters(0).permitted(Subject.of("bob"), "doc:read")
				.inTenantOf("d.tenant or 1=1")
				.sql("doc", "d.id", Long.class))
			.withMessageContaining("the tenant must be a column name");
	}

	@Test
	void aTenantAttributeThatDoesNotExistIsRefusedWithItsName() {
		grant(Grant.of(Grantee.user("carol"), "*"));
		assertThatExceptionOfType(PermissionEvaluationException.class).isThrownBy(
				() -> ids(filters(0).permitted(Subject.of("carol"), "doc:read").inTenantOf("tennant").on("doc", "id")))
			.withMessageEndingWith("cannot use attribute path 'tennant' of " + Doc.class.getName()
					+ ": there is no attribute 'tennant'");
	}

	@Test
	void metamodelAttributesNameTheSamePathsAsTheirNames() {
		grant(Grant.of(Grantee.user("bob"), "folder:read").on("folder", 2),
				Grant.of(Grantee.user("bob"), "doc:read").on("uuid", FilterTestApplication.uuidOf(3)),
				Grant.of(Grantee.user("bob"), "doc:read").on("code", "c4"),
				Grant.of(Grantee.user("bob"), "doc:read").on("doc", 5));
		PermissionFilters filters = context.getBean(PermissionFilters.class);
		PermissionFilter folders = filters.permitted(Subject.of("bob"), "folder:read");
		PermissionFilter docs = filters.permitted(Subject.of("bob"), "doc:read");
		// folder 2 holds the documents whose id modulo 6 is 1 (7 has no folder)
		assertThat(ids(folders.on("folder", Doc_.folder))).containsExactly(1L, 13L, 19L, 25L);
		assertThat(ids(docs.on("uuid", Doc_.uuid))).containsExactly(3L);
		assertThat(ids(docs.on("code", Doc_.code))).containsExactly(4L);
		Specification<Doc> mine = docs.on("doc", Doc_.id);
		assertThat(ids(mine.or(docs.on("code", Doc_.code)))).containsExactly(4L, 5L);
		NoteRepository notes = context.getBean(NoteRepository.class);
		Page<Note> page = notes.findAll(folders.on("folder", Note_.doc, Doc_.folder),
				PageRequest.of(1, 2, Sort.by(Sort.Direction.DESC, "id")));
		assertThat(page.getContent()).extracting(Note::getId).containsExactly(13L, 1L);
		assertThat(page.getTotalElements()).isEqualTo(4);
		assertThat(notes.count(folders.on("folder", Note_.doc, Doc_.folder, Folder_.id))).isEqualTo(4);
	}

	@Test
	void metamodelAttributesThatDoNotFollowOneAnotherAreRefused() {
		PermissionFilter bob = context.getBean(PermissionFilters.class).permitted(Subject.of("bob"), "doc:read");
		assertThatIllegalArgumentException().isThrownBy(() -> bob.on("folder", Note_.doc, Note_.id))
			.withMessage("attribute 'id' of " + Note.class.getName() + " does not follow 'doc'");
	}

}
