package io.github.permissionmanager.benchmarks.engine;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.github.permissionmanager.benchmarks.data.Datasets;
import io.github.permissionmanager.benchmarks.data.Expectations;
import io.github.permissionmanager.benchmarks.data.GrantData;
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

import org.springframework.cache.concurrent.ConcurrentMapCache;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.security.acls.AclPermissionEvaluator;
import org.springframework.security.acls.domain.AbstractPermission;
import org.springframework.security.acls.domain.AclAuthorizationStrategyImpl;
import org.springframework.security.acls.domain.ConsoleAuditLogger;
import org.springframework.security.acls.domain.DefaultPermissionFactory;
import org.springframework.security.acls.domain.DefaultPermissionGrantingStrategy;
import org.springframework.security.acls.domain.ObjectIdentityImpl;
import org.springframework.security.acls.domain.SpringCacheBasedAclCache;
import org.springframework.security.acls.jdbc.BasicLookupStrategy;
import org.springframework.security.acls.jdbc.JdbcAclService;
import org.springframework.security.acls.model.ObjectIdentity;
import org.springframework.security.acls.model.Permission;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.util.StreamUtils;

/**
 * Spring Security ACL 7.0.6 (7.1.x is not served by the registry here; it runs against
 * Boot 4.1.1's spring-security-core 7.1.1):
 * {@link AclPermissionEvaluator#hasPermission(Authentication, Serializable, String, Object)}
 * over {@link JdbcAclService} + {@link BasicLookupStrategy} on H2 in memory with the
 * stock schema, and a {@link SpringCacheBasedAclCache} warmed with every event's ACL
 * before timing, so no timed check touches the database.
 * <p>
 * ACL has no role-per-object, so each role grant is expanded into one ACE per permission
 * for the user on the event (2.5 ACEs per grant on average); each of the eight
 * permissions has a mask of its own, registered by name in a
 * {@link DefaultPermissionFactory}. A denial is an ACL {@code NotFoundException} caught
 * inside the evaluator — that is how ACL denies. Run at 10k and 100k grants (250k ACEs);
 * 1M grants would be 2.5M ACE objects in the cache.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class AclBenchmark {

	@Param({ "10000", "100000" })
	int grants;

	private AclPermissionEvaluator evaluator;

	private Authentication[] authentications = new Authentication[0];

	private Long[] events = new Long[0];

	private String[] permissions = new String[0];

	private SimpleDriverDataSource dataSource = new SimpleDriverDataSource();

	private int next;

	@Setup
	public void setUp() throws Exception {
		GrantData data = Datasets.of(this.grants);
		this.dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
				"jdbc:h2:mem:acl" + this.grants + ";DB_CLOSE_DELAY=-1", "sa", "");
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		String schema = StreamUtils.copyToString(new ClassPathResource("createAclSchema.sql").getInputStream(),
				StandardCharsets.UTF_8);
		for (String statement : schema.replaceAll("(?m)^--.*$", "").split(";")) {
			if (!statement.isBlank()) {
				jdbc.execute(statement);
			}
		}
		load(jdbc, data);

		DefaultPermissionFactory permissionFactory = new DefaultPermissionFactory(permissionsByName());
		AclAuthorizationStrategyImpl authorization = new AclAuthorizationStrategyImpl(
				new SimpleGrantedAuthority("ROLE_ACL_ADMIN"));
		DefaultPermissionGrantingStrategy granting = new DefaultPermissionGrantingStrategy(new ConsoleAuditLogger());
		SpringCacheBasedAclCache cache = new SpringCacheBasedAclCache(new ConcurrentMapCache("acl"), granting,
				authorization);
		BasicLookupStrategy lookup = new BasicLookupStrategy(this.dataSource, cache, authorization, granting);
		lookup.setPermissionFactory(permissionFactory);
		JdbcAclService aclService = new JdbcAclService(this.dataSource, lookup);
		this.evaluator = new AclPermissionEvaluator(aclService);
		this.evaluator.setPermissionFactory(permissionFactory);

		List<ObjectIdentity> all = new ArrayList<>();
		for (long event = 0; event < data.eventCount(); event++) {
			all.add(new ObjectIdentityImpl(GrantData.RESOURCE_TYPE, event));
		}
		aclService.readAclsById(all);

		List<GrantData.Check> checks = data.checks();
		this.authentications = new Authentication[checks.size()];
		this.events = new Long[checks.size()];
		this.permissions = new String[checks.size()];
		Map<String, Authentication> byUser = new HashMap<>();
		for (int i = 0; i < checks.size(); i++) {
			GrantData.Check check = checks.get(i);
			this.authentications[i] = byUser.computeIfAbsent(check.user(),
					(user) -> UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
			this.events[i] = (long) check.event();
			this.permissions[i] = check.permission();
		}
		Expectations.verify("Spring Security ACL AclPermissionEvaluator", data, this::decide);
	}

	private static void load(JdbcTemplate jdbc, GrantData data) {
		jdbc.update("insert into acl_class (id, class) values (1, ?)", GrantData.RESOURCE_TYPE);
		List<Object[]> sids = new ArrayList<>();
		for (int u = 0; u < data.userCount(); u++) {
			sids.add(new Object[] { u + 1, "user" + u });
		}
		jdbc.batchUpdate("insert into acl_sid (id, principal, sid) values (?, true, ?)", sids);
		List<Object[]> objects = new ArrayList<>();
		for (int event = 0; event < data.eventCount(); event++) {
			objects.add(new Object[] { event + 1, event });
		}
		jdbc.batchUpdate("insert into acl_object_identity (id, object_id_class, object_id_identity, parent_object,"
				+ " owner_sid, entries_inheriting) values (?, 1, ?, null, 1, false)", objects);
		int[] order = new int[data.eventCount()];
		List<Object[]> entries = new ArrayList<>();
		for (GrantData.GeneratedGrant grant : data.grants()) {
			long sid = Long.parseLong(grant.user().substring("user".length())) + 1;
			for (String permission : grant.permissions()) {
				entries.add(new Object[] { grant.event() + 1, order[grant.event()]++, sid,
						GrantData.PERMISSIONS.indexOf(permission) });
				if (entries.size() == 10_000) {
					insertEntries(jdbc, entries);
				}
			}
		}
		insertEntries(jdbc, entries);
	}

	private static void insertEntries(JdbcTemplate jdbc, List<Object[]> entries) {
		List<Object[]> rows = new ArrayList<>(entries.size());
		for (Object[] entry : entries) {
			rows.add(new Object[] { entry[0], entry[1], entry[2], 1 << (int) entry[3] });
		}
		jdbc.batchUpdate("insert into acl_entry (acl_object_identity, ace_order, sid, mask, granting, audit_success,"
				+ " audit_failure) values (?, ?, ?, ?, true, false, false)", rows);
		entries.clear();
	}

	private static Map<String, Permission> permissionsByName() {
		Map<String, Permission> byName = new HashMap<>();
		for (int i = 0; i < GrantData.PERMISSIONS.size(); i++) {
			byName.put(GrantData.PERMISSIONS.get(i), new EventPermission(1 << i, (char) ('a' + i)));
		}
		return byName;
	}

	private boolean decide(int i) {
		return this.evaluator.hasPermission(this.authentications[i], this.events[i], GrantData.RESOURCE_TYPE,
				this.permissions[i]);
	}

	@Benchmark
	public boolean check() {
		return decide(this.next++ & Datasets.CHECK_MASK);
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		new JdbcTemplate(this.dataSource).execute("shutdown");
	}

	/** One of the eight permissions as an ACL mask bit. */
	static final class EventPermission extends AbstractPermission {

		EventPermission(int mask, char code) {
			super(mask, code);
		}

	}

}
