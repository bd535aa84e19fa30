package io.github.permissionmanager.filter;

import java.util.Collection;
import java.util.List;

import io.github.permissionmanager.PermissionEvaluationException;
import io.github.permissionmanager.decide.PermittedObjects;
import org.jspecify.annotations.Nullable;

/**
 * The predicate for a subject with many object grants: a look-up in the grant table (a
 * correlated {@code EXISTS}, or an {@code IN} selected once on H2) instead of a list of
 * ids, so its size follows the number of distinct permission strings and groups, not the
 * number of grants. A row is admitted when the table holds a grant of the user or of one
 * of its groups, on the row's id (compared as text, exactly as a check compares it),
 * whose permission is one of those the snapshot found implying the request, in every
 * tenant or the row's, not expired at the moment the query is built, and without a
 * condition: a conditional grant never admits a row (SQL cannot evaluate its condition,
 * and a list must not include what a check would refuse).
 */
final class GrantExists {

	/** Most permission strings or groups one predicate lists. */
	static final int MAX_LISTED = 1000;

	private GrantExists() {
	}

	/**
	 * Write the predicate: a correlated {@code EXISTS}, or on a database that runs one
	 * per row without the grant table's index (H2), the row's id {@code IN} the ids the
	 * same grants name, selected once per statement. Both compare the ids as text, so a
	 * grant on an id of another shape ({@code "07"}, {@code "x"}) never matches nor
	 * fails; the {@code IN} is wrapped so that it is false, never unknown, where the
	 * {@code EXISTS} is false (a negated filter keeps rows without an id either way).
	 * @param table the grant table
	 * @param dialect the grant table's database
	 * @param filter whose grants, on which resource type
	 * @param objects the snapshot's answer, which lists objects
	 * @param tenant the tenant of every row, or {@code null}; ignored when the rows carry
	 * their own
	 * @param sql the query the predicate is written into
	 * @return the predicate
	 */
	static String render(GrantTable table, SqlDialect dialect, FilterRequest filter, PermittedObjects objects,
			@Nullable String tenant, Sql sql) {
		bounded(objects.permissions(), "distinct permissions", filter);
		bounded(objects.groups(), "groups", filter);
		if (!dialect.grantsSelectedOnce()) {
			StringBuilder exists = new StringBuilder("EXISTS (SELECT 1 FROM ").append(table.name())
				.append(" pm_g WHERE ");
			grants(exists, table, filter, objects, sql, () -> {
				exists.append(" AND pm_g.resource_id = ").append(sql.id());
			}, () -> {
				exists.append(" AND (pm_g.tenant IS NULL");
				String rowTenant = sql.rowTenant();
				if (rowTenant != null) {
					exists.append(" OR pm_g.tenant = ").append(rowTenant);
				}
				else if (tenant != null) {
					exists.append(" OR pm_g.tenant = ").append(sql.value(tenant));
				}
				exists.append(")");
			});
			return exists.append(")").toString();
		}
		StringBuilder in = new StringBuilder("COALESCE(").append(sql.id())
			.append(" IN (SELECT pm_g.resource_id FROM ")
			.append(table.name())
			.append(" pm_g WHERE ");
		grants(in, table, filter, objects, sql, () -> in.append(" AND pm_g.resource_id IS NOT NULL"), () -> {
			in.append(" AND (pm_g.tenant IS NULL");
			if (tenant != null && !sql.rowsCarryTenant()) {
				in.append(" OR pm_g.tenant = ").append(sql.value(tenant));
			}
			in.append(")");
		});
		in.append(")");
		if (sql.rowsCarryTenant()) {
			// a grant in a tenant admits the rows of that tenant: the pair is looked up
			in.append(" OR (").append(sql.id()).append(", ").append(sql.rowTenant());
			in.append(") IN (SELECT pm_g.resource_id, pm_g.tenant FROM ").append(table.name()).append(" pm_g WHERE ");
			grants(in, table, filter, objects, sql, () -> in.append(" AND pm_g.resource_id IS NOT NULL"),
					() -> in.append(" AND pm_g.tenant IS NOT NULL"));
			in.append(")");
		}
		return in.append(", FALSE)").toString();
	}

	// The grants that admit a row: the user's or its groups', on the resource type, of a
	// permission implying the request, without a condition and not expired; the id and
	// tenant terms are written by the caller, in the order the text needs them bound
	private static void grants(StringBuilder where, GrantTable table, FilterRequest filter, PermittedObjects objects,
			Sql sql, Runnable id, Runnable tenant) {
		where.append("pm_g.grant_condition IS NULL AND pm_g.resource_type = ").append(sql.value(filter.resourceType()));
		id.run();
		where.append(" AND pm_g.permission IN (")
			.append(sql.values(objects.permissions()))
			.append(") AND ((pm_g.grantee_kind = 'USER' AND pm_g.grantee_name = ")
			.append(sql.value(filter.user()))
			.append(")");
		if (!objects.groups().isEmpty()) {
			where.append(" OR (pm_g.grantee_kind = 'GROUP' AND pm_g.grantee_name IN (")
				.append(sql.values(objects.groups()))
				.append("))");
		}
		where.append(")");
		tenant.run();
		where.append(" AND (pm_g.expires_at IS NULL OR pm_g.expires_at > ").append(sql.value(table.now())).append(")");
	}

	/**
	 * The dialect to look a subject's objects up in the grant table with, when the
	 * store's database and the row's value types allow it.
	 * @param table the grant table
	 * @param filter what is filtered
	 * @param objects how many objects the subject's grants name
	 * @param types the Java types of the row's values compared with the table's text
	 * @return the dialect
	 * @throws PermissionEvaluationException when the table cannot be queried
	 */
	static SqlDialect dialect(GrantTable table, FilterRequest filter, int objects, List<Class<?>> types) {
		SqlDialect dialect = table.dialect();
		if (dialect == null) {
			throw unavailable(filter, objects,
					"the grant store's database is none of H2, PostgreSQL, MariaDB or MySQL");
		}
		for (Class<?> type : types) {
			if (!dialect.printsAsJava(type)) {
				throw unavailable(filter, objects,
						"values of " + type.getName() + " cannot be compared with the grant table's text");
			}
		}
		return dialect;
	}

	/**
	 * The failure of a filter that can neither list a subject's objects nor look them up
	 * in the grant table.
	 * @param filter what was filtered
	 * @param objects how many objects the subject's grants name
	 * @param reason why the grant table cannot be queried
	 * @return the exception
	 */
	static PermissionEvaluationException unavailable(FilterRequest filter, int objects, String reason) {
		return new PermissionEvaluationException("'" + filter.user() + "' holds " + filter.permission() + " on "
				+ objects + " objects of " + filter.resourceType() + ", more than permission-manager.filter"
				+ ".max-object-ids lists, and the grant table cannot be queried instead: " + reason);
	}

	private static void bounded(Collection<String> values, String what, FilterRequest filter) {
		if (values.size() > MAX_LISTED) {
			throw new PermissionEvaluationException(
					"A permission filter on " + filter.resourceType() + " cannot list the " + values.size() + " " + what
							+ " of '" + filter.user() + "' (at most " + MAX_LISTED + ")");
		}
	}

	/**
	 * The query the predicate goes into: how values are bound and how the row's columns
	 * are read. Each method is called in the order its text appears in the predicate.
	 */
	interface Sql {

		/**
		 * A bound value.
		 * @param value the value
		 * @return its placeholder
		 */
		String value(Object value);

		/**
		 * Bound values, for an {@code IN} list.
		 * @param values the values, at least one
		 * @return their placeholders, comma-separated
		 */
		String values(Collection<?> values);

		/**
		 * The row's id as text comparable with {@code resource_id}.
		 * @return its SQL
		 */
		String id();

		/**
		 * The row's tenant as text comparable with {@code tenant}, when rows carry their
		 * own tenant.
		 * @return its SQL, or {@code null}
		 */
		@Nullable String rowTenant();

		/**
		 * Whether rows carry their own tenant (without writing it).
		 * @return whether they do
		 */
		boolean rowsCarryTenant();

	}

}
