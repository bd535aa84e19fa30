package io.github.permissionmanager.store;

import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The store suite on MariaDB (jdbc:mariadb://127.0.0.1:3306/test). Fails when the server
 * does not answer and CI=true; skipped with the reason printed otherwise.
 */
class MariaDbPermissionStoreTests extends AbstractPermissionStoreTests {

	@RegisterExtension
	static final StoreDatabase DATABASE = StoreDatabase.mariaDb();

	@Override
	protected StoreDatabase storeDatabase() {
		return DATABASE;
	}

}
