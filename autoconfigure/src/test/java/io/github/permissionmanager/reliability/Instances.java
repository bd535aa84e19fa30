package io.github.permissionmanager.reliability;

import java.util.ArrayList;
import java.util.List;

import io.github.permissionmanager.testsupport.Server;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts instances of {@link ReliabilityApplication} on a database server, the way
 * replicas of one service run against one database.
 */
final class Instances {

	private Instances() {
	}

	static ConfigurableApplicationContext start(boolean web, String tablePrefix, String... properties) {
		return start(Server.POSTGRESQL, web, tablePrefix, properties);
	}

	static ConfigurableApplicationContext start(Server database, boolean web, String tablePrefix,
			String... properties) {
		List<String> all = new ArrayList<>(List.of("reliability.datasource.url=" + database.url(),
				"reliability.datasource.username=" + database.user(),
				"permission-manager.store.initialize-schema=always",
				"permission-manager.store.table-prefix=" + tablePrefix, "server.port=0", "spring.main.banner-mode=off",
				"logging.level.root=warn"));
		all.addAll(List.of(properties));
		return new SpringApplicationBuilder(ReliabilityApplication.class)
			.web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
			.properties(all.toArray(String[]::new))
			.run();
	}

}
