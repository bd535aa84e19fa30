package io.github.permissionmanager.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.Set;

import io.github.permissionmanager.decide.PermittedObjects;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A filter's terms in a JPA Criteria query, on the row's id attribute (and its tenant
 * attribute when rows carry one).
 */
final class CriteriaTarget implements FilterCompiler.Query<Predicate> {

	private final DefaultPermissionFilters filters;

	private final FilterRequest filter;

	private final CriteriaBuilder builder;

	private final Path<?> id;

	private final Class<?> idType;

	private final @Nullable Path<?> tenant;

	private final Class<?> tenantType;

	private final AttributePath.Mapping idMapping;

	private final AttributePath.Mapping tenantMapping;

	CriteriaTarget(DefaultPermissionFilters filters, FilterRequest filter, CriteriaBuilder builder, Path<?> id,
			Class<?> idType, @Nullable Path<?> tenant, Class<?> tenantType) {
		this(filters, filter, builder, id, idType, AttributePath.Mapping.AS_IS, tenant, tenantType,
				AttributePath.Mapping.AS_IS);
	}

	CriteriaTarget(DefaultPermissionFilters filters, FilterRequest filter, CriteriaBuilder builder, Path<?> id,
			Class<?> idType, AttributePath.Mapping idMapping, @Nullable Path<?> tenant, Class<?> tenantType,
			AttributePath.Mapping tenantMapping) {
		this.filters = filters;
		this.filter = filter;
		this.builder = builder;
		this.id = id;
		this.idType = idType;
		this.idMapping = idMapping;
		this.tenant = tenant;
		this.tenantType = tenantType;
		this.tenantMapping = tenantMapping;
	}

	@Override
	public Predicate idNotNull() {
		return this.builder.isNotNull(this.id);
	}

	@Override
	public Predicate nothing() {
		return this.builder.disjunction();
	}

	@Override
	public Predicate idIn(Set<String> ids) {
		return in(this.id, this.idType, this.idMapping,
				this.idMapping.exact(this.filters.conversion().convert(ids, this.idType)));
	}

	@Override
	public Predicate tenantIn(Set<String> tenants) {
		Path<?> tenant = this.tenant;
		if (tenant == null) {
			throw new IllegalStateException("rows carry no tenant");
		}
		return in(tenant, this.tenantType, this.tenantMapping,
				this.tenantMapping.exact(this.filters.conversion().convertNow(tenants, this.tenantType)));
	}

	private Predicate in(Path<?> path, Class<?> type, AttributePath.Mapping mapping, List<Object> converted) {
		if (converted.isEmpty()) {
			return this.builder.disjunction();
		}
		SqlDialect dialect = this.filters.grantTable().dialect();
		if ((type == String.class || mapping.toColumn() != null) && dialect != null
				&& dialect.stringsCompareLoosely()) {
			// MariaDB and MySQL fold case and trailing spaces by default ('c1' = 'C1 '):
			// the plain IN keeps the index in use, the byte-wise one makes the comparison
			// exact, on what the column holds
			List<?> stored = stored(mapping, converted);
			return (stored != null) ? this.builder.and(path.in(converted),
					this.builder.function("binary", String.class, path).in(stored)) : path.in(converted);
		}
		if (mapping.arrays() && dialect != null && dialect.bindsArrays(type) && converted.size() > 1
				&& HibernateExists.supports(this.builder)) {
			// one array parameter: Hibernate builds, translates and binds one parameter
			// instead of up to max-object-ids of them for every page and count
			return HibernateExists.anyOf(this.builder, path, type, converted);
		}
		// one parameter per id, each bound as the attribute is (through its converter)
		return path.in(converted);
	}

	// The values as the column holds them when it holds text, compared byte-wise; null
	// when a converter stores them as something else (a number compares exactly)
	private static @Nullable List<?> stored(AttributePath.Mapping mapping, List<Object> values) {
		Function<Object, @Nullable Object> toColumn = mapping.toColumn();
		if (toColumn == null) {
			return values;
		}
		List<Object> stored = new ArrayList<>(values.size());
		for (Object value : values) {
			Object column = toColumn.apply(value);
			if (column == null) {
				continue;
			}
			if (!(column instanceof String)) {
				return null;
			}
			stored.add(column);
		}
		return stored;
	}

	@Override
	public Predicate exists(PermittedObjects objects, @Nullable String tenant) {
		GrantTable table = this.filters.grantTable();
		int count = objects.ids().size();
		SqlDialect dialect = GrantExists.dialect(table, this.filter, count,
				(this.tenant != null) ? List.of(this.idType, this.tenantType) : List.of(this.idType));
		if (this.idMapping.toColumn() != null || (this.tenant != null && this.tenantMapping.toColumn() != null)) {
			throw GrantExists.unavailable(this.filter, count,
					"the attribute is stored through a converter, so its column cannot be compared with the "
							+ "grant table's ids");
		}
		if (!HibernateExists.supports(this.builder)) {
			throw GrantExists.unavailable(this.filter, count,
					"the query is not built by Hibernate, whose sql() function puts it into the query");
		}
		if (!table.sharesDatabase(this.builder)) {
			throw GrantExists.unavailable(this.filter, count, "the entities are not in the grant store's database");
		}
		return HibernateExists.exists(this.builder, table, dialect, this.filter, objects, tenant, this.id, this.idType,
				this.tenant, this.tenantType);
	}

	@Override
	public Predicate and(Predicate left, Predicate right) {
		return this.builder.and(left, right);
	}

	@Override
	public Predicate or(List<Predicate> terms) {
		return (terms.size() == 1) ? terms.get(0) : this.builder.or(terms.toArray(Predicate[]::new));
	}

}
