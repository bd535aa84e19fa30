package io.github.permissionmanager.sample;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * The {@code postgres} profile runs the sample on the PostgreSQL server of 127.0.0.1:5432,
 * with the grant store in tables of its own.
 */
@ExtendWith(PostgresAvailable.class)
@SpringBootTest
@ActiveProfiles("postgres")
@AutoConfigureMockMvc
@DirtiesContext
class PostgresProfileTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void demoGrantsAreStoredInTheSampleTablesOfPostgres() {
		assertThat(this.jdbc.sql("select current_database()").query(String.class).single()).isEqualTo("test");
		assertThat(this.jdbc.sql("select grantee_name from sample_pm_grants where resource_type = 'event'")
			.query(String.class)
			.list()).contains("alice", "bob", "erin");
	}

	@Test
	void listSessionsWhenCoorganizerOfEventOneThenItsSessionsOnly() {
		assertThat(this.mvc.get().uri("/sessions").with(httpBasic("bob", "bob")))
			.hasStatusOk()
			.bodyJson().extractingPath("$[*].eventId").asArray().containsOnly(1);
	}

}
