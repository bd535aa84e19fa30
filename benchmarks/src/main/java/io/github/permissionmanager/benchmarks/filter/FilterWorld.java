package io.github.permissionmanager.benchmarks.filter;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionFilters;
import io.github.permissionmanager.PermissionGrants;
import io.github.permissionmanager.PermissionManager;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.decide.DefaultPermissionEvaluator;
import io.github.permissionmanager.decide.GrantSnapshotCache;
import io.github.permissionmanager.filter.DefaultPermissionFilters;
import io.github.permissionmanager.filter.GrantTable;
import io.github.permissionmanager.store.StoreTables;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * The data the list benchmarks read: 100,000 sessions over 1,000 events, and three users:
 * {@code objectGrants} holds {@code session:read} on each of the 1,000 events (1,000
 * object grants), {@code typeWide} on the whole type, {@code group} on 100 events through
 * a store group. On H2 in memory, or on the database of {@code -Dfilter.url}
 * ({@code jdbc:postgresql://127.0.0.1:5432/test}, with {@code -Dfilter.user} and
 * {@code -Dfilter.password}), whose tables it creates and drops.
 */
final class FilterWorld implements AutoCloseable {

	static final int SESSIONS = 100_000;

	static final int EVENTS = 1_000;

	static final String PREFIX = "bench_filter_";

	final ConfigurableApplicationContext context;

	final ListedSessionRepository sessions;

	final PermissionManager permissions;

	/**
	 * The application's filters: ids listed up to the default limit, looked up beyond.
	 */
	final PermissionFilters filters;

	/** Filters that always look object grants up in the grant table. */
	final PermissionFilters lookingUp;

	final JdbcClient jdbc;

	final String database;

	private FilterWorld(ConfigurableApplicationContext context) {
		this.context = context;
		this.sessions = context.getBean(ListedSessionRepository.class);
		this.permissions = context.getBean(PermissionManager.class);
		this.filters = context.getBean(PermissionFilters.class);
		DataSource dataSource = context.getBean(DataSource.class);
		// H2 keeps a statement's query timeout on its session: the store's evaluation
		// timeout, set on a pooled connection, would otherwise cut the inserts of fill()
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setQueryTimeout(0);
		this.jdbc = JdbcClient.create(template);
		this.database = productName(dataSource);
		GrantSnapshotCache snapshots = context.getBean(GrantSnapshotCache.class);
		this.lookingUp = new DefaultPermissionFilters(snapshots, () -> new DefaultPermissionEvaluator(snapshots),
				() -> (authentication) -> Subject.of(authentication.getName()),
				DefaultConversionService.getSharedInstance(), 0,
				new GrantTable(new StoreTables(PREFIX), () -> this.database, Clock.systemUTC(), (builder) -> true));
	}

	static FilterWorld start() {
		String url = System.getProperty("filter.url", "jdbc:h2:mem:filter;DB_CLOSE_DELAY=-1");
		ConfigurableApplicationContext context = new SpringApplicationBuilder(FilterBenchmarkApplication.class)
			.properties("spring.main.web-application-type=none", "spring.main.banner-mode=off",
					"logging.level.root=warn", "spring.datasource.url=" + url,
					"spring.datasource.username=" + System.getProperty("filter.user", "sa"),
					"spring.datasource.password=" + System.getProperty("filter.password", ""),
					"spring.jpa.hibernate.ddl-auto=create-drop", "spring.jpa.open-in-view=false",
					"permission-manager.store.table-prefix=" + PREFIX,
					"permission-manager.store.initialize-schema=always", "permission-manager.cache.sync.mode=none")
			.run();
		FilterWorld world = new FilterWorld(context);
		world.fill();
		return world;
	}

	private void fill() {
		this.jdbc.sql("DELETE FROM " + PREFIX + "grants").update();
		this.jdbc.sql("DELETE FROM " + PREFIX + "memberships").update();
		String series = this.database.equals("PostgreSQL") ? "generate_series(1, %d) AS g(x)" : "system_range(1, %d)";
		this.jdbc.sql("INSERT INTO listed_event (id) SELECT x FROM " + series.formatted(EVENTS)).update();
		this.jdbc
			.sql("INSERT INTO listed_session (id, title, event_id) SELECT x, CONCAT('Session ', x), MOD(x, " + EVENTS
					+ ") + 1 FROM " + series.formatted(SESSIONS))
			.update();
		List<Grant> given = new ArrayList<>();
		for (long e = 1; e <= EVENTS; e++) {
			given.add(Grant.of(Grantee.user("objectGrants"), "session:read").on("event", e));
			if (e % 10 == 0) {
				given.add(Grant.of(Grantee.group("staff"), "session:read").on("event", e));
			}
		}
		given.add(Grant.of(Grantee.user("typeWide"), "session:read").on("event"));
		PermissionGrants grants = this.context.getBean(PermissionGrants.class);
		grants.grantAll(given);
		grants.addMember("staff", "group");
		if (this.database.equals("PostgreSQL")) {
			this.jdbc.sql("ANALYZE").update();
		}
	}

	@Override
	public void close() {
		for (String table : new StoreTables(PREFIX).all()) {
			this.jdbc.sql("DROP TABLE IF EXISTS " + table).update();
		}
		this.context.close();
	}

	private static String productName(DataSource dataSource) {
		try {
			return JdbcUtils.extractDatabaseMetaData(dataSource, (metaData) -> metaData.getDatabaseProductName());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
