package io.github.permissionmanager.autoconfigure;

import javax.sql.DataSource;

import org.springframework.util.Assert;

/**
 * The DataSource of the grant store, as the store auto-configuration picked it: the one
 * qualified {@link io.github.permissionmanager.PermissionManagerDataSource}, else the
 * application's single (or primary) one. Every part of Permission Manager that talks to
 * the store's database reads it here, so they all pick the same.
 *
 * @param dataSource the DataSource
 * @param dedicated whether it is qualified for Permission Manager, and so possibly not
 * the database the application's transactions and entities are on
 */
record PermissionStoreDataSource(DataSource dataSource, boolean dedicated) {

	PermissionStoreDataSource {
		Assert.notNull(dataSource, "dataSource cannot be null");
	}

}
