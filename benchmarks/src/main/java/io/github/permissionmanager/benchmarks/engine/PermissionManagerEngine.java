package io.github.permissionmanager.benchmarks.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionGrants;
import io.github.permissionmanager.PermissionManager;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.benchmarks.data.GrantData;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Permission Manager as an application gets it: a Spring Boot context with the starter's
 * auto-configuration, the JDBC grant store on H2 in memory, and the four roles of
 * {@link GrantData#ROLES} in {@code permission-manager.roles}. The grants are written by
 * {@link StoreLoader} with a JDBC batch insert (through {@link PermissionGrants#grantAll}
 * a million grants take many minutes; see its log line); one user's grants are given
 * through the API as well, and the store must then hold exactly those rows for that user.
 */
final class PermissionManagerEngine implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final PermissionManager manager;

	private final Subject[] subjects;

	private final String[] permissions;

	private final Resource[] resources;

	private PermissionManagerEngine(ConfigurableApplicationContext context, GrantData data) {
		this.context = context;
		this.manager = context.getBean(PermissionManager.class);
		List<GrantData.Check> checks = data.checks();
		this.subjects = new Subject[checks.size()];
		this.permissions = new String[checks.size()];
		this.resources = new Resource[checks.size()];
		for (int i = 0; i < checks.size(); i++) {
			GrantData.Check check = checks.get(i);
			this.subjects[i] = Subject.of(check.user());
			this.permissions[i] = check.permission();
			this.resources[i] = Resource.of(GrantData.RESOURCE_TYPE, check.event());
		}
	}

	/**
	 * Start a context and load the grants.
	 * @param data the grants
	 * @param name a name for the in-memory database
	 * @return the engine
	 */
	static PermissionManagerEngine start(GrantData data, String name) {
		return start(data, name, List.of());
	}

	/**
	 * Start the engine with more properties.
	 * @param data the grants
	 * @param name a name for the in-memory database
	 * @param extra more properties, {@code name=value}
	 * @return the engine
	 */
	static PermissionManagerEngine start(GrantData data, String name, List<String> extra) {
		return start(data, name, extra, null);
	}

	/**
	 * Start the engine with more properties and beans.
	 * @param data the grants
	 * @param name a name for the in-memory database
	 * @param extra more properties, {@code name=value}
	 * @param beans registers more beans before the context is refreshed, or {@code null}
	 * @return the engine
	 */
	static PermissionManagerEngine start(GrantData data, String name, List<String> extra,
			@Nullable ApplicationContextInitializer<ConfigurableApplicationContext> beans) {
		List<String> properties = new ArrayList<>(
				List.of("spring.main.web-application-type=none", "spring.main.banner-mode=off",
						"logging.level.root=warn", "spring.datasource.url=jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1"));
		for (Map.Entry<String, List<String>> role : GrantData.ROLES.entrySet()) {
			for (int i = 0; i < role.getValue().size(); i++) {
				properties.add("permission-manager.roles." + role.getKey() + "[" + i + "]=" + role.getValue().get(i));
			}
		}
		properties.addAll(extra);
		SpringApplicationBuilder builder = new SpringApplicationBuilder(Application.class)
			.properties(properties.toArray(String[]::new));
		if (beans != null) {
			builder.initializers(beans);
		}
		ConfigurableApplicationContext context = builder.run();
		long started = System.nanoTime();
		StoreLoader.load(context.getBean(DataSource.class), data);
		System.out.printf("# Permission Manager: %,d grants batch-inserted into pm_grants in %.1f s%n", data.size(),
				(System.nanoTime() - started) / 1e9);
		// The public path must see them: one user's grants are also given through the API
		// (a no-op for rows that exist), and a check of each of them is part of the
		// expectation check
		PermissionGrants grants = context.getBean(PermissionGrants.class);
		List<Grant> first = new ArrayList<>();
		for (GrantData.GeneratedGrant grant : data.grantsOf("user0")) {
			first.add(Grant.of(Grantee.user(grant.user()), grant.name()).on(GrantData.RESOURCE_TYPE, grant.event()));
		}
		grants.grantAll(first);
		int stored = grants.permissionsOf(Grantee.user("user0")).size();
		if (stored != GrantData.GRANTS_PER_USER) {
			throw new IllegalStateException("user0 holds " + stored + " grants in the store, not "
					+ GrantData.GRANTS_PER_USER + ": the batch insert and the store disagree");
		}
		return new PermissionManagerEngine(context, data);
	}

	/**
	 * The check at an index of {@link GrantData#checks()}.
	 * @param i the index
	 * @return whether it is allowed
	 */
	boolean check(int i) {
		return this.manager.check(this.subjects[i], this.permissions[i], this.resources[i]);
	}

	<T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	String user(int i) {
		return this.subjects[i].id();
	}

	@Override
	public void close() {
		this.context.close();
	}

	/** The application: auto-configuration only. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
