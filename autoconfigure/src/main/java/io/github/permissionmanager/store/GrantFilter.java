package io.github.permissionmanager.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.permissionmanager.GrantQuery;
import io.github.permissionmanager.Grantee;
import org.jspecify.annotations.Nullable;

/**
 * The SQL part of a {@link GrantQuery}: the scope filters, following Edgy. A filter
 * applies only when its list is given; {@code includeNullResourceType} also admits grants
 * with no type, {@code includeNullResourceId} grants with no id, and a tenant filter
 * always admits grants in every tenant. Permissions are matched afterwards, in Java,
 * because wildcards and roles decide them.
 *
 * @param where the WHERE clause, or empty
 * @param params its named parameters
 */
record GrantFilter(String where, Map<String, Object> params) {

	static GrantFilter of(GrantQuery query, Grantee.@Nullable Kind kind) {
		StringBuilder where = new StringBuilder();
		Map<String, Object> params = new LinkedHashMap<>();
		if (kind != null) {
			and(where, "grantee_kind = :kind");
			params.put("kind", kind.name());
		}
		in(where, params, "resource_type", "types", query.resourceTypes(), query.includeNullResourceType());
		in(where, params, "resource_id", "ids", query.objectIds(), query.includeNullResourceId());
		in(where, params, "tenant", "tenants", query.tenants(), true);
		return new GrantFilter(where.toString(), params);
	}

	private static void in(StringBuilder where, Map<String, Object> params, String column, String name,
			@Nullable List<String> values, boolean includeNull) {
		if (values == null) {
			return;
		}
		String matches;
		if (values.isEmpty()) {
			matches = "1 = 0";
		}
		else {
			matches = column + " IN (:" + name + ")";
			params.put(name, values);
		}
		and(where, includeNull ? "(" + matches + " OR " + column + " IS NULL)" : matches);
	}

	private static void and(StringBuilder where, String condition) {
		where.append(where.isEmpty() ? " WHERE " : " AND ").append(condition);
	}

}
