package io.github.permissionmanager.filter;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;

import io.github.permissionmanager.decide.PermittedObjects;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;
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

		static boolean supports(CriteriaBuilder builder) {
			return builder instanceof HibernateCriteriaBuilder;
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
