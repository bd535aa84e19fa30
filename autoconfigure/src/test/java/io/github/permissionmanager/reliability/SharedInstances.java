package io.github.permissionmanager.reliability;

import java.util.ArrayList;
import java.util.List;

import io.github.permissionmanager.store.StoreTables;
import io.github.permissionmanager.testsupport.Server;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Several instances of {@link ReliabilityApplication} on one database server and one set
 * of tables of their own, dropped afterwards.
 */
final class SharedInstances {

	private SharedInstances() {
	}

	/**
	 * Start instances, run a scenario on them, drop their tables and close them.
	 * @param database the database server
	 * @param count how many instances
	 * @param web whether they serve HTTP on a random port
	 * @param scenario what to do with them
	 * @param properties properties of every instance; a first entry without {@code =}
	 * names the tables
	 */
	static void run(Server database, int count, boolean web, Scenario scenario, String... properties) throws Exception {
		List<String> settings = new ArrayList<>(List.of(properties));
		String name = (!settings.isEmpty() && !settings.get(0).contains("=")) ? settings.remove(0) : "shared";
		String prefix = Server.uniqueTablePrefix("rel_" + name);
		List<ConfigurableApplicationContext> instances = new ArrayList<>();
		try {
			for (int i = 0; i < count; i++) {
				instances.add(Instances.start(database, web, prefix, settings.toArray(String[]::new)));
			}
			scenario.run(instances);
		}
		finally {
			try {
				if (!instances.isEmpty()) {
					SwitchableDataSource dataSource = instances.get(0).getBean(SwitchableDataSource.class);
					dataSource.up();
					JdbcClient jdbc = JdbcClient.create(dataSource);
					for (String table : new StoreTables(prefix).all()) {
						jdbc.sql("DROP TABLE IF EXISTS " + table).update();
					}
				}
			}
			finally {
				for (ConfigurableApplicationContext instance : instances) {
					instance.close();
				}
			}
		}
	}

	@FunctionalInterface
	interface Scenario {

		void run(List<ConfigurableApplicationContext> instances) throws Exception;

	}

}
