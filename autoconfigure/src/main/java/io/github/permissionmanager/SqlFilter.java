package io.github.permissionmanager;

import java.util.Map;

import org.springframework.util.Assert;

/**
 * A permission filter as SQL: a predicate to put in a {@code WHERE} clause and the named
 * parameters it uses (a list parameter that {@code NamedParameterJdbcTemplate} and
 * {@code JdbcClient} expand or, on H2 and PostgreSQL, one array parameter of the ids, an
 * {@link org.springframework.jdbc.support.SqlArrayValue}). Its parameter names are unique
 * to it, so several filters fit in one statement. <pre class="code">
 * SqlFilter permitted = filters.permitted("session:read").sql("event", "s.event_id", Long.class);
 * jdbc.sql("select s.id, s.title from session s where " + permitted.predicate() + " order by s.id")
 *     .params(permitted.parameters())
 *     .query(SessionRow.class)
 *     .list();
 * </pre>
 *
 * @param predicate the predicate, in parentheses
 * @param parameters the named parameters it refers to
 */
public record SqlFilter(String predicate, Map<String, Object> parameters) {

	public SqlFilter {
		Assert.hasText(predicate, "predicate cannot be empty");
		Assert.notNull(parameters, "parameters cannot be null");
		parameters = Map.copyOf(parameters);
	}

}
