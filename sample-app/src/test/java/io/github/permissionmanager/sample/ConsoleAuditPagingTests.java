package io.github.permissionmanager.sample;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console's Audit page over a trail of 10,000 rows: each page, the first, the older
 * ones it links to, the newer one back and a filtered one, is one SQL statement that
 * reads one page of rows (keyset paging in the database, never the whole trail).
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:console-audit;DB_CLOSE_DELAY=-1",
		// statements are counted on the whole DataSource: the follower's polls would
		// count
		"permission-manager.cache.sync.mode=none", "permission-manager.console.page-size=50" })
@AutoConfigureMockMvc
@Import(ConsoleAuditPagingTests.CountStatements.class)
class ConsoleAuditPagingTests {

	private static final int ROWS = 10_000;

	private static final Pattern ROW = Pattern.compile("<td>seed-user-(\\d+)</td>");

	private static final Pattern OLDER = Pattern.compile("href=\"([^\"]*before=\\d+[^\"]*)\" *>Older");

	private static final Pattern NEWER = Pattern.compile("href=\"([^\"]*after=\\d+[^\"]*)\" *>Newer");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private SqlStatementCounter sql;

	@Autowired
	private DataSource dataSource;

	@BeforeEach
	void seedTheTrail() {
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		jdbc.update("DELETE FROM pm_audit WHERE actor LIKE 'seed-user-%'");
		Instant start = Instant.now().minus(ROWS, ChronoUnit.SECONDS);
		List<Object[]> rows = new ArrayList<>(ROWS);
		for (int i = 0; i < ROWS; i++) {
			rows.add(new Object[] { Timestamp.from(start.plusSeconds(i)), "seed-user-" + i,
					(i % 2 == 0) ? "alice" : "bob" });
		}
		jdbc.batchUpdate("INSERT INTO pm_audit (occurred_at, actor, action, grantee_kind, grantee_name, permission)"
				+ " VALUES (?, ?, 'GRANT', 'USER', ?, 'event:read')", rows);
	}

	@Test
	void everyPageOfTenThousandRowsIsOneStatement() throws Exception {
		// the admin's grants are read once, then cached: not part of a page's cost
		this.mvc.perform(get("/permissions-console/audit").with(user("admin"))).andExpect(status().isOk());

		String first = page("/permissions-console/audit");
		assertThat(seedNumbers(first)).hasSize(50).first().isEqualTo(ROWS - 1);
		String href = link(OLDER, first);
		String second = page(href);
		assertThat(seedNumbers(second)).hasSize(50).first().isEqualTo(ROWS - 51);
		String third = page(link(OLDER, second));
		assertThat(seedNumbers(third)).hasSize(50).first().isEqualTo(ROWS - 101);
		String back = page(link(NEWER, third));
		assertThat(seedNumbers(back)).isEqualTo(seedNumbers(second));

		String filtered = page("/permissions-console/audit?grantee=bob");
		assertThat(seedNumbers(filtered)).hasSize(50).allMatch((n) -> n % 2 == 1);
	}

	// one page, counting what it asked the database: exactly one statement, on the audit
	// table, reading one row more than the page (to know whether an older page exists)
	private String page(String uri) throws Exception {
		this.sql.reset();
		String html = this.mvc.perform(get(HtmlUtils.htmlUnescape(uri)).with(user("admin")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> statements = this.sql.statements();
		assertThat(statements).as(uri).hasSize(1);
		assertThat(statements.get(0)).contains("pm_audit").contains("LIMIT 51");
		return html;
	}

	private static List<Integer> seedNumbers(String html) {
		List<Integer> numbers = new ArrayList<>();
		Matcher matcher = ROW.matcher(html);
		while (matcher.find()) {
			numbers.add(Integer.parseInt(matcher.group(1)));
		}
		return numbers;
	}

	private static String link(Pattern pattern, String html) {
		Matcher matcher = pattern.matcher(html);
		assertThat(matcher.find()).as("a link matching %s", pattern).isTrue();
		return matcher.group(1);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class CountStatements {

		@Bean
		static SqlStatementCounter sqlStatementCounter() {
			return new SqlStatementCounter();
		}

	}

}
