package io.github.permissionmanager.filter;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import io.github.permissionmanager.decide.PermittedObjects;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.metamodel.SingularAttribute;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.hibernate.type.BasicType;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.converter.spi.BasicValueConverter;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * The grant table's {@code EXISTS} in a JPA query: the grant table is no entity, so the
 * predicate is native SQL put into the Criteria query through Hibernate's
 * {@code sql(pattern, type, arguments)} (its HQL {@code sql()} function), with the row's
 * columns and every value as arguments, values bound as parameters. Only loaded when
 * Hibernate is present.
 */
final class HibernateExists {

	private static final boolean PRESENT = ClassUtils.isPresent("org.hibernate.query.criteria.HibernateCriteriaBuilder",
			HibernateExists.class.getClassLoader());

	private HibernateExists() {
	}

	/**
	 * Whether a builder can take the predicate.
	 * @param builder the builder of the query
	 * @return whether it is Hibernate's
	 */
	static boolean supports(CriteriaBuilder builder) {
		return PRESENT && Hibernate.supports(builder);
	}

	/**
	 * How Hibernate keeps an attribute's value in its column:
	 * {@link AttributePath.Mapping#AS_IS} without Hibernate (lists are then one parameter
	 * per id, bound by the provider).
	 * @param attribute the attribute
	 * @param javaType its (boxed) Java type
	 * @return its mapping
	 */
	static AttributePath.Mapping mapping(SingularAttribute<?, ?> attribute, Class<?> javaType) {
		return PRESENT ? Hibernate.mapping(attribute, javaType) : AttributePath.Mapping.AS_IS;
	}

	static Predicate exists(CriteriaBuilder builder, GrantTable table, SqlDialect dialect, FilterRequest filter,
			PermittedObjects objects, @Nullable String tenant, Expression<?> id, Class<?> idType,
			@Nullable Expression<?> rowTenant, Class<?> tenantType) {
		return Hibernate.exists(builder, table, dialect, filter, objects, tenant, id, idType, rowTenant, tenantType);
	}

	/**
	 * Rows whose value is one of these, as one array parameter ({@code ? = ANY(?)})
	 * rather than a parameter per value.
	 * @param builder the builder of the query, Hibernate's
	 * @param path the compared value
	 * @param type its (boxed) Java type
	 * @param values the values, of that type
	 * @return the predicate
	 */
	static Predicate anyOf(CriteriaBuilder builder, Expression<?> path, Class<?> type, List<Object> values) {
		return Hibernate.anyOf(builder, path, type, values);
	}

	// Holds every reference to Hibernate's types, so that none is loaded without it
	private static final class Hibernate {

		// The JDBC types an array of each Java type binds as (other mappings of the same
		// Java type keep one parameter per id)
		private static final Map<Class<?>, Set<Integer>> OWN_JDBC_TYPES = Map.of(Long.class, Set.of(SqlTypes.BIGINT),
				Integer.class, Set.of(SqlTypes.INTEGER), Short.class, Set.of(SqlTypes.SMALLINT), String.class,
				Set.of(SqlTypes.VARCHAR, SqlTypes.NVARCHAR, SqlTypes.LONGVARCHAR, SqlTypes.LONGNVARCHAR,
						SqlTypes.LONG32VARCHAR, SqlTypes.LONG32NVARCHAR));

		static boolean supports(CriteriaBuilder builder) {
			return builder instanceof HibernateCriteriaBuilder;
		}

		@SuppressWarnings({ "rawtypes", "unchecked" })
		static AttributePath.Mapping mapping(SingularAttribute<?, ?> attribute, Class<?> javaType) {
			if (!(attribute.getType() instanceof BasicType<?> basic)) {
				// not known to be bound as it is: one parameter per id, as Hibernate
				// binds it
				return AttributePath.Mapping.UNKNOWN;
			}
			BasicValueConverter converter = basic.getValueConverter();
			if (converter != null) {
				return new AttributePath.Mapping(false, converter::toRelationalValue, converter::toDomainValue);
			}
			Set<Integer> own = OWN_JDBC_TYPES.get(javaType);
			boolean arrays = own != null && own.contains(basic.getJdbcType().getDefaultSqlTypeCode());
			return arrays ? AttributePath.Mapping.AS_IS : AttributePath.Mapping.UNKNOWN;
		}

		static Predicate anyOf(CriteriaBuilder builder, Expression<?> path, Class<?> type, List<Object> values) {
			HibernateCriteriaBuilder hibernate = (HibernateCriteriaBuilder) builder;
			Object[] array = (Object[]) Array.newInstance(type, values.size());
			for (int i = 0; i < array.length; i++) {
				array[i] = values.get(i);
			}
			return builder.isTrue(hibernate.sql("? = ANY(?)", Boolean.class, path, hibernate.value(array)));
		}

		static Predicate exists(CriteriaBuilder builder, GrantTable table, SqlDialect dialect, FilterRequest filter,
				PermittedObjects objects, @Nullable String tenant, Expression<?> id, Class<?> idType,
				@Nullable Expression<?> rowTenant, Class<?> tenantType) {
			HibernateCriteriaBuilder hibernate = (HibernateCriteriaBuilder) builder;
			List<Expression<?>> arguments = new ArrayList<>();
			String sql = GrantExists.render(table, dialect, filter, objects, tenant, new GrantExists.Sql() {

				@Override
				public String value(Object value) {
					arguments.add(hibernate.value(value));
					return "?";
				}

				@Override
				public String values(Collection<?> values) {
					StringJoiner placeholders = new StringJoiner(", ");
					values.forEach((value) -> placeholders.add(value(value)));
					return placeholders.toString();
				}

				@Override
				public String id() {
					arguments.add(id);
					return dialect.asText("?", idType);
				}

				@Override
				public @Nullable String rowTenant() {
					if (rowTenant == null) {
						return null;
					}
					arguments.add(rowTenant);
					return dialect.asText("?", tenantType);
				}

				@Override
				public boolean rowsCarryTenant() {
					return rowTenant != null;
				}

			});
			return builder.isTrue(hibernate.sql(sql, Boolean.class, arguments.toArray(Expression<?>[]::new)));
		}

	}

}
