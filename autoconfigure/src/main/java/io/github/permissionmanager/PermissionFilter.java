package io.github.permissionmanager;

import jakarta.persistence.metamodel.SingularAttribute;
import org.jspecify.annotations.Nullable;

import org.springframework.data.jpa.domain.Specification;

/**
 * A permission filter of {@link PermissionFilters}: one subject (or the current user) and
 * one permission, to be placed on the attribute or column that holds the id of the
 * resource each row is checked against. The subject's grants are read when the query is
 * built (from the same cached snapshot checks use), never frozen: a revoke or a group
 * change shows in the next query. A subject with a few object grants gets an {@code IN}
 * list of their ids; one with more than {@code permission-manager.filter.max-object-ids}
 * gets a correlated {@code EXISTS} on the grant table, whose size does not grow with the
 * number of grants.
 */
public interface PermissionFilter {

	/**
	 * This filter for resources in a tenant: a row is admitted when a check of
	 * {@code Resource.of(type, id).withTenant(tenant)} would allow it.
	 * @param tenant the tenant, or {@code null} for none (only grants in every tenant
	 * count)
	 * @return a new filter
	 */
	PermissionFilter inTenant(@Nullable String tenant);

	/**
	 * This filter for rows that each carry their own tenant: a row is admitted when a
	 * check of {@code Resource.of(type, id).withTenant(rowTenant)} would allow it, where
	 * {@code rowTenant} is the row's value of the attribute ({@code null}: grants in
	 * every tenant only). For {@link #on on} it is an attribute path
	 * ({@code event.tenant}), for {@link #sql sql} a column ({@code e.tenant}). It
	 * replaces {@link #inTenant}.
	 * @param tenantAttribute the attribute path, or the column, holding each row's tenant
	 * @return a new filter
	 */
	PermissionFilter inTenantOf(String tenantAttribute);

	/**
	 * A specification admitting the rows whose attribute names a resource the permission
	 * is allowed on. The path may cross associations ({@code session.event.id}); a path
	 * that ends on an association ({@code event}) means its id. The attribute may be of
	 * any type a string id converts to exactly ({@code Long}, {@code Integer},
	 * {@code UUID}, {@code String}, ...). A row whose attribute is {@code null} is never
	 * admitted. The specification is for read queries ({@code findAll}, {@code count},
	 * {@code exists}); it refuses to be used without a {@code CriteriaQuery}.
	 * @param <T> the entity type
	 * @param resourceType the resource type the attribute's value identifies
	 * @param attributePath the attribute holding the resource id, dot-separated
	 * @return the specification, to combine with others through {@code and} / {@code or}
	 */
	<T> Specification<T> on(String resourceType, String attributePath);

	/**
	 * The same specification on an attribute of the JPA metamodel
	 * ({@code on("event", Session_.event)}), followed through associations when more are
	 * given ({@code on("folder", Note_.doc, Doc_.folder)}).
	 * @param <T> the entity type
	 * @param resourceType the resource type the attribute's value identifies
	 * @param attribute the attribute of the entity
	 * @param then the attributes to follow from there, each of the previous one's type
	 * @return the specification, to combine with others through {@code and} / {@code or}
	 */
	<T> Specification<T> on(String resourceType, SingularAttribute<? super T, ?> attribute,
			SingularAttribute<?, ?>... then);

	/**
	 * The same filter as an SQL predicate on a column holding string ids, for
	 * {@code JdbcClient} or {@code NamedParameterJdbcTemplate} queries.
	 * @param resourceType the resource type the column's value identifies
	 * @param idColumn the column, optionally qualified ({@code s.event_id})
	 * @return the predicate and its named parameters
	 */
	default SqlFilter sql(String resourceType, String idColumn) {
		return sql(resourceType, idColumn, String.class);
	}

	/**
	 * The same filter as an SQL predicate on a column whose ids are of the given type
	 * ({@code Long.class} for a {@code bigint} column); grant ids that do not convert to
	 * it exactly name no row.
	 * @param resourceType the resource type the column's value identifies
	 * @param idColumn the column, optionally qualified ({@code s.event_id})
	 * @param idType the Java type of the column's values
	 * @return the predicate and its named parameters
	 */
	SqlFilter sql(String resourceType, String idColumn, Class<?> idType);

}
