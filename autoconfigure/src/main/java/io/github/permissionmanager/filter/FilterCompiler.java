package io.github.permissionmanager.filter;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

import io.github.permissionmanager.decide.PermittedObjects;
import io.github.permissionmanager.decide.PermittedObjectsByTenant;
import org.jspecify.annotations.Nullable;

/**
 * The one place that decides what a filter's predicate is, for JPA and SQL alike: no
 * predicate but "not null" when every object is allowed, an {@code IN} list of ids while
 * they are few, a correlated {@code EXISTS} on the grant table beyond, a false predicate
 * when nothing is allowed. Rows that carry their own tenant get one such term per tenant
 * with grants, or-ed.
 */
final class FilterCompiler {

	private FilterCompiler() {
	}

	/**
	 * The predicate for rows all in one tenant (or none).
	 * @param <P> the predicate type
	 * @param query where the predicate goes
	 * @param objects what the snapshot allows
	 * @param tenant the tenant of the rows, or {@code null}
	 * @param listed whether so many ids are listed rather than looked up
	 * @return the predicate
	 */
	static <P> P compile(Query<P> query, PermittedObjects objects, @Nullable String tenant, IntPredicate listed) {
		if (objects.all()) {
			return query.idNotNull();
		}
		if (objects.ids().isEmpty()) {
			return query.nothing();
		}
		return listed.test(objects.ids().size()) ? query.idIn(objects.ids()) : query.exists(objects, tenant);
	}

	/**
	 * The predicate for rows that each carry their tenant.
	 * @param <P> the predicate type
	 * @param query where the predicate goes, with the row's tenant
	 * @param objects what the snapshot allows, tenant by tenant
	 * @param listed whether so many ids are listed rather than looked up
	 * @return the predicate
	 */
	static <P> P compile(Query<P> query, PermittedObjectsByTenant objects, IntPredicate listed) {
		PermittedObjects everyTenant = objects.everyTenant();
		if (everyTenant.all()) {
			return query.idNotNull();
		}
		List<P> terms = new ArrayList<>();
		Set<String> wholeTenants = new LinkedHashSet<>();
		Set<String> ids = new LinkedHashSet<>(everyTenant.ids());
		Set<String> permissions = new LinkedHashSet<>(everyTenant.permissions());
		Set<String> groups = new LinkedHashSet<>(everyTenant.groups());
		int listedIds = everyTenant.ids().size();
		for (Map.Entry<String, PermittedObjects> tenant : objects.tenants().entrySet()) {
			if (tenant.getValue().all()) {
				wholeTenants.add(tenant.getKey());
			}
			else {
				listedIds += tenant.getValue().ids().size();
				ids.addAll(tenant.getValue().ids());
				permissions.addAll(tenant.getValue().permissions());
				groups.addAll(tenant.getValue().groups());
			}
		}
		if (!wholeTenants.isEmpty()) {
			terms.add(query.and(query.tenantIn(wholeTenants), query.idNotNull()));
		}
		if (listedIds > 0 && listed.test(listedIds)) {
			if (!everyTenant.ids().isEmpty()) {
				terms.add(query.idIn(everyTenant.ids()));
			}
			objects.tenants().forEach((tenant, inTenant) -> {
				if (!inTenant.all() && !inTenant.ids().isEmpty()) {
					terms.add(query.and(query.tenantIn(Set.of(tenant)), query.idIn(inTenant.ids())));
				}
			});
		}
		else if (listedIds > 0) {
			terms.add(query.exists(PermittedObjects.only(ids, permissions, groups), null));
		}
		return terms.isEmpty() ? query.nothing() : query.or(terms);
	}

	/**
	 * A query being filtered: the terms a filter's predicate is made of.
	 *
	 * @param <P> the predicate type
	 */
	interface Query<P> {

		/**
		 * Rows whose id is not {@code null}.
		 * @return the predicate
		 */
		P idNotNull();

		/**
		 * No row.
		 * @return the predicate
		 */
		P nothing();

		/**
		 * Rows whose id is one of these, compared exactly; no row when none of them is an
		 * id of the attribute's type.
		 * @param ids the ids, as grants name them
		 * @return the predicate
		 */
		P idIn(Set<String> ids);

		/**
		 * Rows whose own tenant is one of these, compared exactly.
		 * @param tenants the tenants
		 * @return the predicate
		 */
		P tenantIn(Set<String> tenants);

		/**
		 * Rows whose objects the grant table holds a grant on, as listed by the snapshot.
		 * @param objects the snapshot's answer
		 * @param tenant the tenant of every row, or {@code null} (when none, or when rows
		 * carry their own)
		 * @return the predicate
		 */
		P exists(PermittedObjects objects, @Nullable String tenant);

		P and(P left, P right);

		P or(List<P> terms);

	}

}
