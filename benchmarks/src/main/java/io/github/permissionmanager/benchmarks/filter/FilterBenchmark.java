package io.github.permissionmanager.benchmarks.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionFilters;
import io.github.permissionmanager.PermissionGrants;
import io.github.permissionmanager.PermissionManager;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A page of 20 sessions (the 11th, sorted by id) and its count, out of 100,000 sessions
 * over 1,000 events on H2 in memory: unfiltered; filtered by {@code PermissionFilters}
 * for a user with 1,000 object grants ({@code objectGrants}), one with a type-wide grant
 * ({@code typeWide}) and one whose 100 event grants come through a group ({@code group});
 * the same user's {@code objectIds} in an {@code IN} query; and what {@code @PostFilter}
 * does: load every session, check each, then cut the page. Before timing, every filtered
 * way is shown to return exactly the rows {@code check} allows on a sample of pages.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FilterBenchmark {

	private static final int SESSIONS = 100_000;

	private static final int EVENTS = 1_000;

	private static final Pageable PAGE = PageRequest.of(10, 20, Sort.by("id"));

	@Param({ "objectGrants", "typeWide", "group" })
	public String user;

	private ConfigurableApplicationContext context;

	private ListedSessionRepository sessions;

	private PermissionFilters filters;

	private PermissionManager permissions;

	private Subject subject;

	@Setup(Level.Trial)
	public void setUp() {
		this.context = new SpringApplicationBuilder(FilterBenchmarkApplication.class)
			.properties("spring.main.web-application-type=none", "spring.main.banner-mode=off",
					"logging.level.root=warn", "spring.datasource.url=jdbc:h2:mem:filter;DB_CLOSE_DELAY=-1",
					"spring.jpa.hibernate.ddl-auto=create-drop", "spring.jpa.open-in-view=false")
			.run();
		JdbcClient jdbc = JdbcClient.create(this.context.getBean(javax.sql.DataSource.class));
		jdbc.sql("insert into listed_event (id) select x from system_range(1, " + EVENTS + ")").update();
		jdbc.sql("insert into listed_session (id, title, event_id) select x, concat('Session ', x), mod(x, " + EVENTS
				+ ") + 1 from system_range(1, " + SESSIONS + ")")
			.update();
		PermissionGrants grants = this.context.getBean(PermissionGrants.class);
		List<Grant> given = new ArrayList<>();
		for (long e = 1; e <= EVENTS; e++) {
			given.add(Grant.of(Grantee.user("objectGrants"), "session:read").on("event", e));
			if (e % 10 == 0) {
				given.add(Grant.of(Grantee.group("staff"), "session:read").on("event", e));
			}
		}
		given.add(Grant.of(Grantee.user("typeWide"), "session:read").on("event"));
		grants.grantAll(given);
		grants.addMember("staff", "group");
		this.sessions = this.context.getBean(ListedSessionRepository.class);
		this.filters = this.context.getBean(PermissionFilters.class);
		this.permissions = this.context.getBean(PermissionManager.class);
		this.subject = Subject.of(this.user);
		verify();
	}

	private void verify() {
		List<Long> expected = postFilterPage().getContent().stream().map(ListedSession::getId).toList();
		List<Long> filtered = filteredPage().getContent().stream().map(ListedSession::getId).toList();
		long all = this.sessions.findAll()
			.stream()
			.filter((session) -> this.permissions.check(this.subject, "session:read",
					Resource.of("event", session.getEvent().getId())))
			.count();
		if (!expected.equals(filtered) || filteredCount() != all || expected.size() != 20) {
			throw new IllegalStateException(this.user + ": filtered page " + filtered + " (count " + filteredCount()
					+ ") differs from the checked one " + expected + " (count " + all + ")");
		}
		if (this.user.equals("objectGrants")
				&& !objectIdsPage().getContent().stream().map(ListedSession::getId).toList().equals(expected)) {
			throw new IllegalStateException("objectIds page differs");
		}
		System.out.printf("# %s verified: the filtered page and count (%d) equal the checked ones%n", this.user, all);
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.context.close();
	}

	private Specification<ListedSession> permitted() {
		return this.filters.permitted(this.subject, "session:read").on("event", "event");
	}

	@Benchmark
	public Page<ListedSession> unfilteredPage() {
		return this.sessions.findAll(PAGE);
	}

	@Benchmark
	public long unfilteredCount() {
		return this.sessions.count();
	}

	@Benchmark
	public Page<ListedSession> filteredPage() {
		return this.sessions.findAll(permitted(), PAGE);
	}

	@Benchmark
	public long filteredCount() {
		return this.sessions.count(permitted());
	}

	@Benchmark
	public Page<ListedSession> objectIdsPage() {
		Set<String> ids = this.permissions.objectIds(this.subject, "session:read", "event");
		return this.sessions.findByEventIdIn(ids.stream().map(Long::valueOf).toList(), PAGE);
	}

	// What @PostFilter over findAll does: every row is loaded and checked, the page is
	// cut after
	@Benchmark
	public Page<ListedSession> postFilterPage() {
		List<ListedSession> allowed = this.sessions.findAll(Sort.by("id"))
			.stream()
			.filter((session) -> this.permissions.check(this.subject, "session:read",
					Resource.of("event", session.getEvent().getId())))
			.toList();
		int from = (int) Math.min(PAGE.getOffset(), allowed.size());
		int to = Math.min(from + PAGE.getPageSize(), allowed.size());
		return new org.springframework.data.domain.PageImpl<>(allowed.subList(from, to), PAGE, allowed.size());
	}

}
