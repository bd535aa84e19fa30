package io.github.permissionmanager.benchmarks.filter;

import java.util.List;
import java.util.Map;

import io.github.permissionmanager.PermissionFilters;
import io.github.permissionmanager.SqlFilter;
import io.github.permissionmanager.Subject;

/**
 * Prints the query plans ({@code EXPLAIN ANALYZE} on PostgreSQL, {@code EXPLAIN} on H2)
 * of the statements {@link FilterBenchmark} times, on the same data: the page of 20 and
 * the count, unfiltered and filtered for each user, with the ids listed and looked up in
 * the grant table. The predicates are the filters' SQL form, which the JPA specification
 * writes the same way. <pre class="code">
 * java -cp ... -Dfilter.url=jdbc:postgresql://127.0.0.1:5432/test -Dfilter.user=postgres \
 *     io.github.permissionmanager.benchmarks.filter.FilterExplain
 * </pre>
 */
public final class FilterExplain {

	private FilterExplain() {
	}

	public static void main(String[] args) {
		try (FilterWorld world = FilterWorld.start()) {
			String explain = world.database.equals("PostgreSQL") ? "EXPLAIN (ANALYZE, COSTS OFF) " : "EXPLAIN ";
			System.out.printf("# Plans on %s, %d sessions over %d events%n", world.database, FilterWorld.SESSIONS,
					FilterWorld.EVENTS);
			print(world, explain, "unfiltered page", page("TRUE"), Map.of());
			print(world, explain, "unfiltered count", count("TRUE"), Map.of());
			for (String user : List.of("objectGrants", "typeWide", "group")) {
				for (Map.Entry<String, PermissionFilters> filters : Map
					.of("listed up to 1,000 ids", world.filters, "looked up", world.lookingUp)
					.entrySet()) {
					SqlFilter permitted = filters.getValue()
						.permitted(Subject.of(user), "session:read")
						.sql("event", "s.event_id", Long.class);
					String name = user + ", " + filters.getKey();
					print(world, explain, name + ": page", page(permitted.predicate()), permitted.parameters());
					print(world, explain, name + ": count", count(permitted.predicate()), permitted.parameters());
				}
			}
		}
	}

	private static String page(String predicate) {
		return "SELECT s.id, s.title, s.event_id FROM listed_session s WHERE " + predicate
				+ " ORDER BY s.id OFFSET 200 ROWS FETCH FIRST 20 ROWS ONLY";
	}

	private static String count(String predicate) {
		return "SELECT COUNT(s.id) FROM listed_session s WHERE " + predicate;
	}

	private static void print(FilterWorld world, String explain, String name, String sql,
			Map<String, Object> parameters) {
		System.out.printf("%n## %s%n%n    %s%n%n", name, (sql.length() > 400) ? sql.substring(0, 400) + " ..." : sql);
		world.jdbc.sql(explain + sql)
			.params(parameters)
			.query((rs, row) -> rs.getString(1))
			.list()
			.forEach((line) -> System.out.println("    " + line));
	}

}
