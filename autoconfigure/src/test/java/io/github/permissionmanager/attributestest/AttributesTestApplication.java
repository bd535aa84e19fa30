package io.github.permissionmanager.attributestest;

import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import io.github.permissionmanager.ResourceAttributesResolver;
import io.github.permissionmanager.store.CountingDataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Papers and notes in JPA on H2, behind a {@link CountingDataSource}, with rules whose
 * model lookups read resource attributes (attributestest/attributes.properties), the real
 * grant store and default evaluator, and a {@link ResourceAttributesResolver} that says
 * every paper is reviewed and final (the lookup's status overrides the latter).
 */
@SpringBootApplication
public class AttributesTestApplication {

	@Bean
	CountingDataSource dataSource(@Value("${attributestest.url}") String url) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(url);
		pool.setUsername("sa");
		pool.setPassword("");
		return new CountingDataSource(pool);
	}

	@Bean
	ResourceAttributesResolver paperAttributes() {
		return (resource) -> resource.type().equals("paper") ? Map.of("status", "final", "reviewed", true) : Map.of();
	}

}
