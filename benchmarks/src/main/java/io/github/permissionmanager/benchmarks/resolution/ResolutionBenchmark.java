package io.github.permissionmanager.benchmarks.resolution;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.LongUnaryOperator;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionGrants;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A guarded call whose resource is one hop away: the caller names a talk, the permission
 * is on the talk's event. {@code modelLookup}:
 * {@code @RequiresPermissions(fetch = "event_id",
 * model = Talk.class, fetchKeyUrl = "id")}, one JPA query per call plus the cached
 * decision. {@code handWrittenQuery}: a Spring Data projection query for the event id
 * plus {@code PermissionManager.check}. {@code handWrittenFindById}: {@code findById}
 * then the event's id plus the check. H2 in memory, 1,024 talks over 100 events, all
 * granted to {@code alice} (co-organizer); every timed call is allowed. Before timing,
 * each way is shown to deny a talk of an event alice holds nothing on, without running
 * the method.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ResolutionBenchmark {

	private static final int TALKS = 1024;

	private static final int EVENTS = 100;

	/** A talk of an event that nobody holds anything on. */
	private static final long FOREIGN_TALK = 5000;

	private ConfigurableApplicationContext context;

	private TalkServices.ModelLookup modelLookup;

	private TalkServices.HandWrittenQuery handWrittenQuery;

	private TalkServices.HandWrittenFindById handWrittenFindById;

	private int next;

	@Setup(Level.Trial)
	public void setUp() {
		this.context = new SpringApplicationBuilder(ResolutionBenchmarkApplication.class)
			.properties("spring.main.web-application-type=none", "spring.main.banner-mode=off",
					"logging.level.root=warn", "spring.datasource.url=jdbc:h2:mem:resolution;DB_CLOSE_DELAY=-1",
					"spring.jpa.hibernate.ddl-auto=create-drop", "spring.jpa.open-in-view=false",
					"permission-manager.roles.coorganizer[0]=event:read",
					"permission-manager.roles.coorganizer[1]=event:update",
					"permission-manager.roles.coorganizer[2]=session:*")
			.run();
		TalkRepository talks = this.context.getBean(TalkRepository.class);
		List<Conference> events = new ArrayList<>();
		List<Grant> grants = new ArrayList<>();
		for (long e = 1; e <= EVENTS; e++) {
			events.add(new Conference(e));
			grants.add(Grant.of(Grantee.user("alice"), "coorganizer").on("event", e));
		}
		Conference foreign = new Conference((long) EVENTS + 1);
		List<Talk> all = new ArrayList<>();
		for (long t = 1; t <= TALKS; t++) {
			all.add(new Talk(t, "Talk " + t, events.get((int) (t % EVENTS))));
		}
		all.add(new Talk(FOREIGN_TALK, "Elsewhere", foreign));
		events.add(foreign);
		this.context.getBean(ConferenceRepository.class).saveAll(events);
		talks.saveAll(all);
		this.context.getBean(PermissionGrants.class).grantAll(grants);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("alice", null, List.of()));
		this.modelLookup = this.context.getBean(TalkServices.ModelLookup.class);
		this.handWrittenQuery = this.context.getBean(TalkServices.HandWrittenQuery.class);
		this.handWrittenFindById = this.context.getBean(TalkServices.HandWrittenFindById.class);
		verify("model lookup", this.modelLookup::update, this.modelLookup::calls);
		verify("hand-written query", this.handWrittenQuery::update, this.handWrittenQuery::calls);
		verify("hand-written findById", this.handWrittenFindById::update, this.handWrittenFindById::calls);
	}

	private static void verify(String way, LongUnaryOperator call, LongSupplier calls) {
		long before = calls.getAsLong();
		for (long t = 1; t <= TALKS; t++) {
			call.applyAsLong(t);
		}
		boolean denied = false;
		try {
			call.applyAsLong(FOREIGN_TALK);
		}
		catch (RuntimeException expected) {
			denied = true;
		}
		if (!denied || calls.getAsLong() != before + TALKS) {
			throw new IllegalStateException(way + ": allowed " + (calls.getAsLong() - before) + " of " + TALKS
					+ " talks; the foreign talk was " + (denied ? "denied" : "allowed"));
		}
		System.out.printf(
				"# %s verified: allows all %d talks, denies a talk of another event without running the" + " method%n",
				way, TALKS);
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		SecurityContextHolder.clearContext();
		this.context.close();
	}

	private long talk() {
		return (this.next++ & (TALKS - 1)) + 1;
	}

	@Benchmark
	public long modelLookup() {
		return this.modelLookup.update(talk());
	}

	@Benchmark
	public long handWrittenQuery() {
		return this.handWrittenQuery.update(talk());
	}

	@Benchmark
	public long handWrittenFindById() {
		return this.handWrittenFindById.update(talk());
	}

}
