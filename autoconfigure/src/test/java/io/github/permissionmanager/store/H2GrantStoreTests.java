package io.github.permissionmanager.store;

import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The grant store suite on an in-memory H2 database; always runs.
 */
class H2GrantStoreTests extends AbstractGrantStoreTests {

	@RegisterExtension
	static final StoreDatabase DATABASE = StoreDatabase.h2();

	@Override
	protected StoreDatabase storeDatabase() {
		return DATABASE;
	}

}
