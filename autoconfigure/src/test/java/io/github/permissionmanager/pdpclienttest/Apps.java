package io.github.permissionmanager.pdpclienttest;

import java.util.ArrayList;
import java.util.List;

import io.github.permissionmanager.pdptest.PdpTestApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the two applications of the remote evaluator's tests on random ports: a decision
 * point ({@link PdpTestApplication}, API keys, H2) and a service that asks it
 * ({@link PdpClientApplication}).
 */
public final class Apps {

	/** The API key the service sends. */
	public static final String KEY = "billing-key-0123456789";

	private Apps() {
	}

	/**
	 * Start a decision point.
	 * @param database the name of its in-memory database
	 * @param properties more properties
	 * @return its context
	 */
	public static ConfigurableApplicationContext decisionPoint(String database, String... properties) {
		List<String> all = new ArrayList<>(List.of("server.port=0", "spring.main.banner-mode=off",
				"logging.level.root=warn", "pdptest.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1",
				"permission-manager.pdp.enabled=true", "permission-manager.pdp.api-keys.billing=" + KEY,
				"permission-manager.cache.sync.mode=none"));
		all.addAll(List.of(properties));
		return new SpringApplicationBuilder(PdpTestApplication.class).properties(all.toArray(String[]::new)).run();
	}

	/**
	 * Start a service deciding through a decision point.
	 * @param url the decision point's URL, its base path included
	 * @param properties more properties
	 * @return its context
	 */
	public static ConfigurableApplicationContext service(String url, String... properties) {
		List<String> all = new ArrayList<>(List.of("server.port=0", "spring.main.banner-mode=off",
				"logging.level.root=warn", "spring.datasource.url=jdbc:h2:mem:pdpclient;DB_CLOSE_DELAY=-1",
				"permission-manager.pdp.url=" + url, "permission-manager.pdp.client.api-key=" + KEY,
				"permission-manager.pdp.client.read-timeout=2s"));
		all.addAll(List.of(properties));
		return new SpringApplicationBuilder(PdpClientApplication.class).properties(all.toArray(String[]::new)).run();
	}

	/**
	 * The port an application listens on.
	 * @param context its context
	 * @return the port
	 */
	public static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}
