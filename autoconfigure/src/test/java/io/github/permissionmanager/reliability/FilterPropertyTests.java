package io.github.permissionmanager.reliability;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

import javax.sql.DataSource;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionFilter;
import io.github.permissionmanager.PermissionFilters;
import io.github.permissionmanager.PermissionGrants;
import io.github.permissionmanager.PermissionManager;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.decide.GrantSnapshotCache;
import io.github.permissionmanager.filtertest.Doc;
import io.github.permissionmanager.filtertest.DocRepository;
import io.github.permissionmanager.filtertest.FilterTestApplication;
import io.github.permissionmanager.filtertest.Folder;
import io.github.permissionmanager.filter.DefaultPermissionFilters;
import io.github.permissionmanager.filter.GrantTable;
import io.github.permissionmanager.decide.DefaultPermissionEvaluator;
import io.github.permissionmanager.store.MutableClock;
import io.github.permissionmanager.store.StoreTables;
import io.github.permissionmanager.testsupport.RequiresServer;
import io.github.permissionmanager.testsupport.Server;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based: seeded random worlds of grants (users and groups from the store and
 * from the subject, roles, wildcards and alternatives, object / type-wide / global scope,
 * tenants, expired and live grants, and subjects with many object grants) over the same
 * 30 documents; for random subjects, permissions and tenants, the rows a permission
 * filter admits (every page of a sorted, paged query put together, and the count) must be
 * exactly the rows for which {@code PermissionManager#check} allows, on a long id, an
 * association's id, a string and a UUID, for one tenant and for each row's own. Three
 * filters answer each query: the application's (up to three ids listed, more looked up in
 * the grant table), one that always lists the ids and one that always looks them up. On
 * H2 always, on PostgreSQL and MariaDB where they answer (in CI they must). A failure
 * prints the seed, the world and the query.
 */
class FilterPropertyTests {

	static final long SEED = 20261201L;

	static final List<String> USERS = List.of("alice", "bob", "carol", "Alice");

	static final List<String> GROUPS = List.of("staff", "ops", "Staff");

	static final List<String> FIRST = List.of("doc", "folder", "*", "doc,folder", "Doc");

	static final List<String> SECOND = List.of("read", "write", "*", "read,write", "Read", "delete");

	static final List<String> ROLES = List.of("viewer", "editor", "owner", "root");

	// The documents' tenants, and two they do not have
	static final List<String> TENANTS = List.of("t1", "t2", "T1", "t1 ", "t3");

	@Test
	void filtersAdmitExactlyWhatChecksAllowOnH2() {
		run("jdbc:h2:mem:filter-properties;DB_CLOSE_DELAY=-1", "sa", "filter_prop_", 25);
	}

	@Test
	@RequiresServer(Server.POSTGRESQL)
	void filtersAdmitExactlyWhatChecksAllowOnPostgres() {
		run(Server.POSTGRESQL.url(), Server.POSTGRESQL.user(), Server.uniqueTablePrefix("rel_filter"), 12);
	}

	@Test
	@RequiresServer(Server.MARIADB)
	void filtersAdmitExactlyWhatChecksAllowOnMariaDb() {
		run(Server.MARIADB.url(), Server.MARIADB.user(), Server.uniqueTablePrefix("rel_filter"), 12);
	}

	private static void run(String url, String user, String prefix, int worlds) {
		Random random = new Random(SEED);
		try (ConfigurableApplicationContext context = FilterTestApplication.start(url, user, prefix,
				"permission-manager.filter.max-object-ids=3")) {
			PermissionGrants grants = context.getBean(PermissionGrants.class);
			PermissionManager manager = context.getBean(PermissionManager.class);
			DocRepository docs = context.getBean(DocRepository.class);
			DataSource dataSource = context.getBean(DataSource.class);
			JdbcClient jdbc = JdbcClient.create(dataSource);
			StoreTables tables = new StoreTables(prefix);
			Map<String, PermissionFilters> filters = new LinkedHashMap<>();
			filters.put("application's", context.getBean(PermissionFilters.class));
			filters.put("listing", filters(context, tables, Integer.MAX_VALUE));
			filters.put("looking up", filters(context, tables, 0));
			List<Doc> all = docs.findAll(Sort.by("id"));
			int queries = 0;
			int partial = 0;
			try {
				for (int world = 0; world < worlds; world++) {
					World w = World.random(random);
					for (String table : List.of(tables.grants(), tables.memberships())) {
						jdbc.sql("DELETE FROM " + table).update();
					}
					context.getBean(GrantSnapshotCache.class).invalidateAll();
					grants.grantAll(w.grants);
					w.memberships
						.forEach((member, groups) -> groups.forEach((group) -> grants.addMember(group, member)));
					for (int i = 0; i < 12; i++) {
						Subject subject = Subject.of(pick(random, USERS));
						if (random.nextInt(3) == 0) {
							subject = subject.withGroups(pick(random, GROUPS));
						}
						String permission = (random.nextBoolean())
								? pick(random, List.of("doc:read", "folder:read", "doc:write")) : permission(random);
						String tenant = (random.nextInt(3) == 0) ? pick(random, TENANTS) : null;
						for (Target target : Target.values()) {
							for (boolean ownTenant : new boolean[] { false, true }) {
								List<Long> expected = new ArrayList<>();
								for (Doc doc : all) {
									Object value = target.value.apply(doc);
									String checked = ownTenant ? doc.getTenant() : tenant;
									if (value != null && manager.check(subject, permission,
											Resource.of(target.type, value).withTenant(checked))) {
										expected.add(doc.getId());
									}
								}
								for (Map.Entry<String, PermissionFilters> named : filters.entrySet()) {
									PermissionFilter filter = named.getValue().permitted(subject, permission);
									filter = ownTenant ? filter.inTenantOf("tenant") : filter.inTenant(tenant);
									String description = String.format(
											"seed %d, world %d on %s: the %s filter, %s %s in tenant %s on %s%n%s",
											SEED, world, url, named.getKey(), subject, permission,
											ownTenant ? "of each row" : tenant, target, w);
									Specification<Doc> spec = filter.on(target.type, target.path);
									assertThat(pagesOf(docs, spec)).as(description).isEqualTo(expected);
									assertThat(docs.count(spec)).as(description).isEqualTo(expected.size());
									queries++;
								}
								long named = all.stream().filter((doc) -> target.value.apply(doc) != null).count();
								partial += (!expected.isEmpty() && expected.size() < named) ? 1 : 0;
							}
						}
					}
				}
			}
			finally {
				for (String table : tables.all()) {
					jdbc.sql("DROP TABLE IF EXISTS " + table).update();
				}
			}
			assertThat(queries).isEqualTo(worlds * 12 * Target.values().length * 2 * filters.size());
			// object grants, not only "all or nothing", must have been compiled often
			assertThat(partial).as("queries admitting some rows but not all")
				.isGreaterThan(queries / filters.size() / 20);
			System.out.printf("FilterPropertyTests on %s: %d filtered queries, %d admitting some rows but not all%n",
					url, queries, partial);
		}
	}

	// Filters over the application's snapshots and grant table that list up to so many
	// ids, and look more up in the grant table (the test's entities are in its database)
	private static PermissionFilters filters(ConfigurableApplicationContext context, StoreTables tables,
			int maxObjectIds) {
		GrantSnapshotCache snapshots = context.getBean(GrantSnapshotCache.class);
		DataSource dataSource = context.getBean(DataSource.class);
		GrantTable table = new GrantTable(tables, () -> productName(dataSource), context.getBean(MutableClock.class),
				(builder) -> true);
		return new DefaultPermissionFilters(snapshots, () -> new DefaultPermissionEvaluator(snapshots),
				() -> (authentication) -> Subject.of(authentication.getName()),
				DefaultConversionService.getSharedInstance(), maxObjectIds, table);
	}

	private static String productName(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static @Nullable Long folderId(Doc doc) {
		Folder folder = doc.getFolder();
		return (folder != null) ? folder.getId() : null;
	}

	// Every page of 7, sorted by id descending then put back in order, with the page
	// totals
	private static List<Long> pagesOf(DocRepository docs, Specification<Doc> spec) {
		List<Long> ids = new ArrayList<>();
		PageRequest request = PageRequest.of(0, 7, Sort.by(Sort.Direction.DESC, "id"));
		Page<Doc> page;
		do {
			page = docs.findAll(spec, request);
			page.forEach((doc) -> ids.add(0, doc.getId()));
			assertThat(page.getTotalElements()).isGreaterThanOrEqualTo(ids.size());
			request = request.next();
		}
		while (page.hasNext());
		assertThat(page.getTotalElements()).isEqualTo(ids.size());
		return ids;
	}

	private static <T> T pick(Random random, List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	private static String permission(Random random) {
		String permission = pick(random, FIRST);
		if (random.nextInt(5) > 0) {
			permission += ":" + pick(random, SECOND);
		}
		if (random.nextInt(6) == 0) {
			permission += ":" + pick(random, List.of("1", "*"));
		}
		return permission;
	}

	/**
	 * Where a filter is placed: the resource type and the attribute path, and how a check
	 * reads the same value from the row.
	 */
	enum Target {

		DOC("doc", "id", Doc::getId), FOLDER("folder", "folder", FilterPropertyTests::folderId),
		FOLDER_ID("folder", "folder.id", FilterPropertyTests::folderId), CODE("code", "code", Doc::getCode),
		UUID("uuid", "uuid", Doc::getUuid);

		final String type;

		final String path;

		final Function<Doc, @Nullable Object> value;

		Target(String type, String path, Function<Doc, @Nullable Object> value) {
			this.type = type;
			this.path = path;
			this.value = value;
		}

	}

	/**
	 * Grants and store memberships.
	 */
	record World(List<Grant> grants, Map<String, Set<String>> memberships) {

		static World random(Random random) {
			Instant now = Instant.now();
			Map<List<Object>, Grant> grants = new LinkedHashMap<>();
			int count = 4 + random.nextInt(20);
			for (int i = 0; i < count; i++) {
				Grantee grantee = (random.nextInt(4) == 0) ? Grantee.group(pick(random, GROUPS))
						: Grantee.user(pick(random, USERS));
				int kind = random.nextInt(4);
				String permission = (kind == 0) ? pick(random, ROLES)
						: (kind == 1) ? pick(random, List.of("doc:read", "folder:*")) : permission(random);
				Grant grant = Grant.of(grantee, permission);
				int scope = random.nextInt(20);
				if (scope >= 2) {
					String type = pick(random, List.of("doc", "folder", "code", "uuid", "other"));
					grant = (scope < 4) ? grant.on(type) : grant.on(type, id(random, type));
				}
				if (random.nextInt(4) == 0) {
					grant = grant.inTenant(pick(random, TENANTS));
				}
				if (random.nextInt(5) == 0) {
					grant = grant.until(now.plus(Duration.ofHours(random.nextBoolean() ? 1 : -1)));
				}
				// one row per identity, as the store keeps it
				grants.putIfAbsent(List.of(grant.grantee(), grant.permission(), Objects.toString(grant.resourceType()),
						Objects.toString(grant.resourceId()), Objects.toString(grant.tenant())), grant);
			}
			if (random.nextBoolean()) {
				// a subject with many object grants of one permission on one type
				Grantee grantee = (random.nextInt(3) == 0) ? Grantee.group(pick(random, GROUPS))
						: Grantee.user(pick(random, USERS));
				String permission = (random.nextBoolean()) ? pick(random, ROLES) : permission(random);
				String type = pick(random, List.of("doc", "folder", "code", "uuid"));
				String tenant = (random.nextInt(3) == 0) ? pick(random, TENANTS) : null;
				for (int i = 8 + random.nextInt(12); i > 0; i--) {
					Grant grant = Grant.of(grantee, permission).on(type, id(random, type));
					grant = (tenant != null) ? grant.inTenant(tenant) : grant;
					grants.putIfAbsent(
							List.of(grant.grantee(), grant.permission(), Objects.toString(grant.resourceType()),
									Objects.toString(grant.resourceId()), Objects.toString(grant.tenant())),
							grant);
				}
			}
			Map<String, Set<String>> memberships = new LinkedHashMap<>();
			for (String user : USERS) {
				for (String group : GROUPS) {
					if (random.nextInt(5) == 0) {
						memberships.computeIfAbsent(user, (key) -> new LinkedHashSet<>()).add(group);
					}
				}
			}
			return new World(List.copyOf(grants.values()), memberships);
		}

		private static String id(Random random, String type) {
			long n = 1 + random.nextInt(FilterTestApplication.DOCS);
			return switch (type) {
				case "doc" -> pick(random, List.of(Long.toString(n), Long.toString(n), "0" + n, "x", "7"));
				case "folder" -> pick(random, List.of(Long.toString(1 + n % FilterTestApplication.FOLDERS), "01"));
				case "code" -> pick(random, List.of("c" + n, "c" + n, "C" + n, "c" + n + " ", "c0" + n));
				case "uuid" -> pick(random, List.of(FilterTestApplication.uuidOf(n).toString(),
						FilterTestApplication.uuidOf(n).toString().toUpperCase(), "not-a-uuid"));
				default -> Long.toString(n);
			};
		}

		@Override
		public String toString() {
			StringBuilder text = new StringBuilder("grants:");
			this.grants.forEach((grant) -> text.append(System.lineSeparator()).append("  ").append(grant));
			return text.append(System.lineSeparator()).append("memberships: ").append(this.memberships).toString();
		}

	}

}
