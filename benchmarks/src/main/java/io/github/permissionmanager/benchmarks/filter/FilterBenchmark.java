package io.github.permissionmanager.benchmarks.filter;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.github.permissionmanager.PermissionFilters;
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

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

/**
 * A page of 20 sessions (the 11th, sorted by id) and its count, out of the
 * {@link FilterWorld}'s 100,000 sessions, for each of its users: filtered by the
 * application's {@code PermissionFilters} (ids listed up to
 * {@code permission-manager.filter.max-object-ids}, 1,000 by default, looked up in the
 * grant table beyond), by filters that always look them up ({@code lookedUp}); the same
 * user's {@code objectIds} in an {@code IN} query; and what {@code @PostFilter} over
 * {@code findAll} does: load every session, check each, then cut the page. A page is two
 * statements, the page and its count. {@link UnfilteredListBenchmark} is the same page
 * with no filter. Before timing, every way is shown to return exactly the rows
 * {@code check} allows.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FilterBenchmark {

	static final Pageable PAGE = PageRequest.of(10, 20, Sort.by("id"));

	@Param({ "objectGrants", "typeWide", "group" })
	public String user;

	private FilterWorld world;

	private Subject subject;

	@Setup(Level.Trial)
	public void setUp() {
		this.world = FilterWorld.start();
		this.subject = Subject.of(this.user);
		verify();
	}

	private void verify() {
		List<Long> expected = ids(postFilterPage());
		long all = this.world.sessions.findAll()
			.stream()
			.filter((session) -> this.world.permissions.check(this.subject, "session:read",
					Resource.of("event", session.getEvent().getId())))
			.count();
		check("filtered", expected, all, ids(filteredPage()), filteredCount());
		check("lookedUp", expected, all, ids(lookedUpPage()), lookedUpCount());
		if (!this.user.equals("typeWide")) {
			check("objectIds", expected, all, ids(objectIdsPage()), objectIdsPage().getTotalElements());
		}
		System.out.printf("# %s on %s verified: the filtered pages and counts (%d) equal the checked ones%n", this.user,
				this.world.database, all);
	}

	private void check(String way, List<Long> expected, long all, List<Long> page, long count) {
		if (!expected.equals(page) || count != all || expected.size() != PAGE.getPageSize()) {
			throw new IllegalStateException(this.user + ": the " + way + " page " + page + " (count " + count
					+ ") differs from the checked one " + expected + " (count " + all + ")");
		}
	}

	private static List<Long> ids(Page<ListedSession> page) {
		return page.getContent().stream().map(ListedSession::getId).toList();
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.world.close();
	}

	private Specification<ListedSession> permitted(PermissionFilters filters) {
		return filters.permitted(this.subject, "session:read").on("event", "event");
	}

	@Benchmark
	public Page<ListedSession> filteredPage() {
		return this.world.sessions.findAll(permitted(this.world.filters), PAGE);
	}

	@Benchmark
	public long filteredCount() {
		return this.world.sessions.count(permitted(this.world.filters));
	}

	@Benchmark
	public Page<ListedSession> lookedUpPage() {
		return this.world.sessions.findAll(permitted(this.world.lookingUp), PAGE);
	}

	@Benchmark
	public long lookedUpCount() {
		return this.world.sessions.count(permitted(this.world.lookingUp));
	}

	@Benchmark
	public Page<ListedSession> objectIdsPage() {
		Set<String> ids = this.world.permissions.objectIds(this.subject, "session:read", "event");
		return this.world.sessions.findByEventIdIn(ids.stream().map(Long::valueOf).toList(), PAGE);
	}

	// What @PostFilter over findAll does: every row is loaded and checked, the page is
	// cut after
	@Benchmark
	public Page<ListedSession> postFilterPage() {
		List<ListedSession> allowed = this.world.sessions.findAll(Sort.by("id"))
			.stream()
			.filter((session) -> this.world.permissions.check(this.subject, "session:read",
					Resource.of("event", session.getEvent().getId())))
			.toList();
		int from = (int) Math.min(PAGE.getOffset(), allowed.size());
		int to = Math.min(from + PAGE.getPageSize(), allowed.size());
		return new PageImpl<>(allowed.subList(from, to), PAGE, allowed.size());
	}

}
