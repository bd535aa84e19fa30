package io.github.permissionmanager.benchmarks.abac;

import java.util.concurrent.TimeUnit;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionGrants;
import io.github.permissionmanager.PermissionManager;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.decide.RestrictedSpel;
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
import org.openjdk.jmh.infra.Blackhole;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.expression.Expression;

/**
 * An ABAC check against the plain cached check, on one context (the starter's
 * auto-configuration, the JDBC store on H2 in memory, the cache warm):
 * <ul>
 * <li>{@code plainCheck}: ann holds {@code doc:read} on document 7 without a condition;
 * {@code PermissionManager.check} allows it from her cached snapshot.</li>
 * <li>{@code abacCheck}: bob holds {@code doc:read} on every document when
 * {@code resource.status == 'draft'}; the check carries the resource's status just in
 * time ({@code Resource.of("doc", 7).withAttribute("status", "draft")}, built before
 * timing, as the plain check's resource is), so the condition is evaluated at every check
 * and allows.</li>
 * <li>{@code parseCondition}: what parsing that condition once costs (restricted SpEL),
 * for comparison: the ABAC check's time and allocation far below it show that checks
 * evaluate the form parsed when the snapshot was loaded, never the text.</li>
 * </ul>
 * Before timing, each check is asked and must answer as expected, and the ABAC grant must
 * refuse the same document with another status or none.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class AbacCheckBenchmark {

	static final String CONDITION = "resource.status == 'draft'";

	private ConfigurableApplicationContext context;

	private PermissionManager permissions;

	private final Subject plainSubject = Subject.of("ann");

	private final Resource plainResource = Resource.of("doc", 7);

	private final Subject abacSubject = Subject.of("bob");

	private final Resource abacResource = Resource.of("doc", 7).withAttribute("status", "draft");

	@Setup(Level.Trial)
	public void setUp() {
		this.context = new SpringApplicationBuilder(Application.class)
			.properties("spring.main.web-application-type=none", "spring.main.banner-mode=off",
					"logging.level.root=warn", "spring.datasource.url=jdbc:h2:mem:abac;DB_CLOSE_DELAY=-1",
					"permission-manager.cache.sync.mode=none")
			.run();
		this.permissions = this.context.getBean(PermissionManager.class);
		PermissionGrants grants = this.context.getBean(PermissionGrants.class);
		grants.grant(Grant.of(Grantee.user("ann"), "doc:read").on("doc", 7));
		grants.grant(Grant.of(Grantee.user("bob"), "doc:read").on("doc").when(CONDITION));
		expect("plain check", this.permissions.check(this.plainSubject, "doc:read", this.plainResource), true);
		expect("ABAC check", this.permissions.check(this.abacSubject, "doc:read", this.abacResource), true);
		expect("ABAC check of a final document", this.permissions.check(this.abacSubject, "doc:read",
				this.abacResource.withAttribute("status", "final")), false);
		expect("ABAC check without a status", this.permissions.check(this.abacSubject, "doc:read", this.plainResource),
				false);
		expect("plain subject on the ABAC grant's document 8",
				this.permissions.check(this.plainSubject, "doc:read", Resource.of("doc", 8)), false);
		System.out.println("# ABAC checks verified: plain allow, ABAC allow, ABAC refusals (final, no status)");
	}

	private static void expect(String what, boolean answer, boolean expected) {
		if (answer != expected) {
			throw new IllegalStateException(what + " answered " + answer + ", expected " + expected);
		}
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.context.close();
	}

	@Benchmark
	public boolean plainCheck() {
		return this.permissions.check(this.plainSubject, "doc:read", this.plainResource);
	}

	@Benchmark
	public boolean abacCheck() {
		return this.permissions.check(this.abacSubject, "doc:read", this.abacResource);
	}

	@Benchmark
	public void parseCondition(Blackhole blackhole) {
		Expression parsed = RestrictedSpel.parse(CONDITION);
		blackhole.consume(parsed);
	}

	/** The application: auto-configuration only. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
