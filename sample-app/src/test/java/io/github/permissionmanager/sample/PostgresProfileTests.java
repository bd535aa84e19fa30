package io.github.permissionmanager.sample;

import io.github.permissionmanager.sample.domain.SessionRepository;
import io.github.permissionmanager.sample.domain.SessionSummary;
import io.github.permissionmanager.testsupport.RequiresServer;
import io.github.permissionmanager.testsupport.Server;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * The {@code postgres} profile runs the sample on the PostgreSQL server of
 * 127.0.0.1:5432, with the grant store in tables of its own.
 */
@RequiresServer(Server.POSTGRESQL)
@SpringBootTest
@ActiveProfiles("postgres")
@AutoConfigureMockMvc
@DirtiesContext
class PostgresProfileTests {

	@Autowired
	private MockMvcTester mvc;

	// The server's database outlives test runs: the profile is tried as a fresh install
	// (tables of an older schema would stop the start, as they should, asking for the
	// migration script)
	@BeforeAll
	static void noSampleGrantTablesYet() {
		try (HikariDataSource dataSource = Server.POSTGRESQL.dataSource("drop-sample-tables", 1)) {
			JdbcClient jdbc = JdbcClient.create(dataSource);
			jdbc.sql("select table_name from information_schema.tables where table_schema = current_schema() "
					+ "and table_name like 'sample\\_pm\\_%'")
				.query(String.class)
				.list()
				.forEach((table) -> jdbc.sql("drop table if exists " + table + " cascade").update());
		}
	}

	@Autowired
	private SessionRepository sessions;

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
		assertThat(this.mvc.get().uri("/sessions").with(httpBasic("bob", "bob"))).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].eventId")
			.asArray()
			.containsOnly(1);
	}

	@Test
	void updateSessionOfOtherEventThenForbiddenAndUnchanged() {
		SessionSummary before = this.sessions.findSummariesOfEvent(2).get(0);
		assertThat(this.mvc.patch()
			.uri("/sessions/" + before.id())
			.with(httpBasic("bob", "bob"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"hijacked\"}")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(this.sessions.findSummary(before.id())).contains(before);
	}

}
