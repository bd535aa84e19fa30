package io.github.permissionmanager.decide;

import java.util.Map;

import org.springframework.util.Assert;

/**
 * Which objects of one resource type a subject may act on with one permission, tenant by
 * tenant, for rows that each carry their own tenant: a check of
 * {@code Resource.of(type, id).withTenant(tenant)} is allowed if and only if
 * {@code everyTenant} admits {@code id}, or {@code tenant} is not {@code null} and
 * {@code tenants.get(tenant)} admits it.
 *
 * @param everyTenant what grants in every tenant (no tenant) allow
 * @param tenants what the grants of each tenant allow besides, for the tenants where they
 * allow something
 */
public record PermittedObjectsByTenant(PermittedObjects everyTenant, Map<String, PermittedObjects> tenants) {

	public PermittedObjectsByTenant {
		Assert.notNull(everyTenant, "everyTenant cannot be null");
		Assert.notNull(tenants, "tenants cannot be null");
		tenants = Map.copyOf(tenants);
	}

}
