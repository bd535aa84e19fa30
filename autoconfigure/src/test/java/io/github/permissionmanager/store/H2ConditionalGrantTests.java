package io.github.permissionmanager.store;

import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The conditional grant suite on an in-memory H2 database; always runs.
 */
class H2ConditionalGrantTests extends AbstractConditionalGrantTests {

	@RegisterExtension
	static final StoreDatabase DATABASE = StoreDatabase.h2();

	@Override
	protected StoreDatabase storeDatabase() {
		return DATABASE;
	}

}
