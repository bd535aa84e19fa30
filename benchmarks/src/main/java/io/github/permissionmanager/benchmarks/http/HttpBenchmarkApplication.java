package io.github.permissionmanager.benchmarks.http;

import org.springframework.boot.SpringApplication;

/**
 * Starts the sample app (its main class named by the {@code bench.app} system property,
 * default {@code io.github.permissionmanager.sample.SampleApplication}) together with
 * {@link UnguardedTwin}, so the guarded endpoint and its unguarded twin run in one JVM
 * behind one security filter chain, and with {@link NoUpgradePasswordEncoder}, so HTTP
 * Basic keeps checking the demo users' {@code {noop}} passwords instead of BCrypt hashes.
 * {@code benchmarks/run.sh} starts it on loopback and points {@code wrk} at both.
 */
public final class HttpBenchmarkApplication {

	private HttpBenchmarkApplication() {
	}

	public static void main(String[] args) throws ClassNotFoundException {
		Class<?> sample = Class
			.forName(System.getProperty("bench.app", "io.github.permissionmanager.sample.SampleApplication"));
		SpringApplication.run(new Class<?>[] { sample, UnguardedTwin.class, NoUpgradePasswordEncoder.class }, args);
	}

}
