package io.github.permissionmanager.benchmarks.interceptor;

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

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The same bean method called directly, behind an advice that only proceeds (the floor
 * under any advice), through {@code @RequiresPermissions} (advice + context resolution
 * from a path-variable-style argument + cached decision + decision event), and through
 * {@code @PreAuthorize("hasPermission(#eventId, 'event', 'event:update')")} over an
 * equivalent {@code PermissionEvaluator}. The caller is {@code alice}, a co-organizer of
 * event 7 (not an admin); every timed call is allowed and its decision cached. Before
 * timing, each guard is shown to allow event 7 and to deny event 8 without running the
 * method.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class InterceptorBenchmark {

	private static final long ALLOWED_EVENT = 7;

	private static final long OTHER_EVENT = 8;

	private ConfigurableApplicationContext context;

	private EventServices.Plain plain;

	private EventServices.Advised advised;

	private EventServices.Guarded guarded;

	private EventServices.PreAuthorized preAuthorized;

	private long eventId = ALLOWED_EVENT;

	@Setup(Level.Trial)
	public void setUp() {
		this.context = new SpringApplicationBuilder(InterceptorBenchmarkApplication.class)
			.properties("spring.main.web-application-type=none", "spring.main.banner-mode=off",
					"logging.level.root=warn", "spring.datasource.url=jdbc:h2:mem:interceptor;DB_CLOSE_DELAY=-1",
					"spring.jpa.open-in-view=false", "permission-manager.roles.coorganizer[0]=event:read",
					"permission-manager.roles.coorganizer[1]=event:update",
					"permission-manager.roles.coorganizer[2]=session:*")
			.run();
		this.context.getBean(PermissionGrants.class)
			.grant(Grant.of(Grantee.user("alice"), "coorganizer").on("event", ALLOWED_EVENT));
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("alice", null, List.of()));
		this.plain = this.context.getBean(EventServices.Plain.class);
		this.advised = this.context.getBean(EventServices.Advised.class);
		if (!AopUtils.isAopProxy(this.advised)) {
			throw new IllegalStateException("The no-op advice is not applied");
		}
		this.guarded = this.context.getBean(EventServices.Guarded.class);
		this.preAuthorized = this.context.getBean(EventServices.PreAuthorized.class);
		verify("@RequiresPermissions", this.guarded::update, this.guarded::calls);
		verify("@PreAuthorize", this.preAuthorized::update, this.preAuthorized::calls);
	}

	private static void verify(String guard, LongUnaryOperator call, LongSupplier calls) {
		long before = calls.getAsLong();
		call.applyAsLong(ALLOWED_EVENT);
		if (calls.getAsLong() != before + 1) {
			throw new IllegalStateException(guard + " did not run the method for an allowed call");
		}
		try {
			call.applyAsLong(OTHER_EVENT);
			throw new IllegalStateException(guard + " allowed event " + OTHER_EVENT + ", which alice holds nothing on");
		}
		catch (RuntimeException expected) {
			if (expected instanceof IllegalStateException && expected.getMessage() != null
					&& expected.getMessage().startsWith(guard)) {
				throw expected;
			}
		}
		if (calls.getAsLong() != before + 1) {
			throw new IllegalStateException(guard + " ran the method for a denied call");
		}
		System.out.printf("# %s verified: allows event %d, denies event %d without running the method%n", guard,
				ALLOWED_EVENT, OTHER_EVENT);
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		SecurityContextHolder.clearContext();
		this.context.close();
	}

	@Benchmark
	public long direct() {
		return this.plain.update(this.eventId);
	}

	@Benchmark
	public long noOpAdvice() {
		return this.advised.update(this.eventId);
	}

	@Benchmark
	public long requiresPermissions() {
		return this.guarded.update(this.eventId);
	}

	@Benchmark
	public long preAuthorize() {
		return this.preAuthorized.update(this.eventId);
	}

}
