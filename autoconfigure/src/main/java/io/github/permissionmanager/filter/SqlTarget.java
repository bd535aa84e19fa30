package io.github.permissionmanager.filter;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import io.github.permissionmanager.decide.PermittedObjects;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.support.SqlArrayValue;

/**
 * A filter's terms as SQL text on the row's id column (and its tenant column when rows
 * carry one), with named parameters whose names no other filter uses.
 */
final class SqlTarget implements FilterCompiler.Query<String> {

	private static final AtomicLong filters = new AtomicLong();

	private final DefaultPermissionFilters owner;

	private final FilterRequest filter;

	private final String id;

	private final Class<?> idType;

	private final @Nullable String tenant;

	private final String prefix = "pmFilter" + filters.incrementAndGet() + "_";

	private final Map<String, Object> parameters = new LinkedHashMap<>();

	SqlTarget(DefaultPermissionFilters owner, FilterRequest filter, String id, Class<?> idType,
			@Nullable String tenant) {
		this.owner = owner;
		this.filter = filter;
		this.id = id;
		this.idType = idType;
		this.tenant = tenant;
	}

	Map<String, Object> parameters() {
		return this.parameters;
	}

	@Override
	public String idNotNull() {
		return this.id + " IS NOT NULL";
	}

	@Override
	public String nothing() {
		return "1 = 0";
	}

	@Override
	public String idIn(Set<String> ids) {
		return in(this.id, this.idType, this.owner.conversion().convert(ids, this.idType));
	}

	@Override
	public String tenantIn(Set<String> tenants) {
		String tenant = this.tenant;
		if (tenant == null) {
			throw new IllegalStateException("rows carry no tenant");
		}
		return in(tenant, String.class, this.owner.conversion().convertNow(tenants, String.class));
	}

	private String in(String column, Class<?> type, List<Object> converted) {
		if (converted.isEmpty()) {
			return nothing();
		}
		SqlDialect dialect = this.owner.grantTable().dialect();
		if (dialect != null && dialect.bindsArrays(type) && converted.size() > 1) {
			// one array parameter, not one per id: the statement's text stays the same
			// whatever the number of ids, so the database and the driver reuse its plan
			return column + " = ANY(" + bind(new SqlArrayValue(dialect.arrayElementType(type), converted.toArray()))
					+ ")";
		}
		String in = column + " IN (" + bind(converted) + ")";
		if (type == String.class && dialect != null && dialect.stringsCompareLoosely()) {
			// MariaDB and MySQL fold case and trailing spaces by default: compare the
			// bytes as well
			return "(" + in + " AND BINARY " + in + ")";
		}
		return in;
	}

	private String bind(Object value) {
		String name = this.prefix + this.parameters.size();
		this.parameters.put(name, value);
		return ":" + name;
	}

	@Override
	public String exists(PermittedObjects objects, @Nullable String tenant) {
		GrantTable table = this.owner.grantTable();
		SqlDialect dialect = GrantExists.dialect(table, this.filter, objects.ids().size(), List.of(this.idType));
		return GrantExists.render(table, dialect, this.filter, objects, tenant, new GrantExists.Sql() {

			@Override
			public String value(Object value) {
				return bind(value);
			}

			@Override
			public String values(Collection<?> values) {
				return bind(List.copyOf(values));
			}

			@Override
			public String id() {
				return dialect.asText(SqlTarget.this.id, SqlTarget.this.idType);
			}

			@Override
			public @Nullable String rowTenant() {
				String tenant = SqlTarget.this.tenant;
				return (tenant != null) ? dialect.asText(tenant, String.class) : null;
			}

			@Override
			public boolean rowsCarryTenant() {
				return SqlTarget.this.tenant != null;
			}

		});
	}

	@Override
	public String and(String left, String right) {
		return "(" + left + " AND " + right + ")";
	}

	@Override
	public String or(List<String> terms) {
		return (terms.size() == 1) ? terms.get(0) : "(" + String.join(" OR ", terms) + ")";
	}

}
