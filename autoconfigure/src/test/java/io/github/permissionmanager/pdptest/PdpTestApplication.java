package io.github.permissionmanager.pdptest;

import com.zaxxer.hikari.HikariDataSource;
import io.github.permissionmanager.store.CountingDataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A decision point: the JDBC grant store on H2 behind a {@link CountingDataSource} (so
 * tests count the statements a bulk check costs), {@code permission-manager.pdp.enabled}
 * with API keys, and one endpoint of the application's own that Boot's default filter
 * chain keeps protecting.
 */
@SpringBootApplication
public class PdpTestApplication {

	@Bean
	CountingDataSource dataSource(@Value("${pdptest.datasource.url}") String url) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(url);
		pool.setUsername("sa");
		pool.setMaximumPoolSize(6);
		return new CountingDataSource(pool);
	}

	@RestController
	static class HelloController {

		@GetMapping("/hello")
		String hello() {
			return "hello";
		}

	}

}
