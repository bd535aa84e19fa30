package io.github.permissionmanager.reliability;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts instances of {@link ReliabilityApplication} on the PostgreSQL server, the way
 * two replicas of one service would run against one database.
 */
final class Instances {

	private Instances() {
	}

	static ConfigurableApplicationContext start(boolean web, String tablePrefix, String... properties) {
		List<String> all = new ArrayList<>(List.of("reliability.datasource.url=" + Servers.POSTGRES_URL,
				"reliability.datasource.username=postgres", "permission-manager.store.initialize-schema=always",
				"permission-manager.store.table-prefix=" + tablePrefix, "server.port=0", "spring.main.banner-mode=off",
				"logging.level.root=warn"));
		all.addAll(List.of(properties));
		return new SpringApplicationBuilder(ReliabilityApplication.class)
			.web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
			.properties(all.toArray(String[]::new))
			.run();
	}

}
