package io.github.permissionmanager.benchmarks.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionGrants;
import io.github.permissionmanager.PermissionManager;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.benchmarks.data.GrantData;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Permission Manager as an application gets it: a Spring Boot context with the starter's
 * auto-configuration, the JDBC grant store on H2 in memory, the four roles of
 * {@link GrantData#ROLES} in {@code permission-manager.roles}, and every generated grant
 * given through {@link PermissionGrants#grantAll} (in batches).
 */
final class PermissionManagerEngine implements AutoCloseable {

	private static final int BATCH = 10_000;

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
		List<String> properties = new ArrayList<>(List.of("spring.main.web-application-type=none",
				"spring.main.banner-mode=off", "logging.level.root=warn",
				"spring.datasource.url=jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1",
				"spring.autoconfigure.exclude="
						+ "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration"));
		for (Map.Entry<String, List<String>> role : GrantData.ROLES.entrySet()) {
			for (int i = 0; i < role.getValue().size(); i++) {
				properties.add("permission-manager.roles." + role.getKey() + "[" + i + "]=" + role.getValue().get(i));
			}
		}
		ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
			.properties(properties.toArray(String[]::new))
			.run();
		PermissionGrants grants = context.getBean(PermissionGrants.class);
		long started = System.nanoTime();
		List<Grant> batch = new ArrayList<>(BATCH);
		for (GrantData.GeneratedGrant grant : data.grants()) {
			batch.add(Grant.of(Grantee.user(grant.user()), grant.name()).on(GrantData.RESOURCE_TYPE, grant.event()));
			if (batch.size() == BATCH) {
				grants.grantAll(batch);
				batch.clear();
			}
		}
		if (!batch.isEmpty()) {
			grants.grantAll(batch);
		}
		System.out.printf("# Permission Manager: %,d grants stored through PermissionGrants.grantAll in %.1f s%n",
				data.size(), (System.nanoTime() - started) / 1e9);
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
