package io.github.permissionmanager.benchmarks.filter;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * A non-web Spring Boot application with JPA on H2 in memory (entities and repositories
 * of this package) and Permission Manager's auto-configuration, so
 * {@code PermissionFilters}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class FilterBenchmarkApplication {

}
