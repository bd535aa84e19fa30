package io.github.permissionmanager.store;

import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The store decision suite on MariaDB (jdbc:mariadb://127.0.0.1:3306/test). Fails when
 * the server does not answer and CI=true; skipped with the reason printed otherwise.
 */
class MariaDbStoreDecisionTests extends AbstractStoreDecisionTests {

	@RegisterExtension
	static final StoreDatabase DATABASE = StoreDatabase.mariaDb();

	@Override
	protected StoreDatabase storeDatabase() {
		return DATABASE;
	}

}
