package io.github.permissionmanager.store;

import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The audit log and directory suite on an in-memory H2 database; always runs.
 */
class H2AuditLogTests extends AbstractAuditLogTests {

	@RegisterExtension
	static final StoreDatabase DATABASE = StoreDatabase.h2();

	@Override
	protected StoreDatabase storeDatabase() {
		return DATABASE;
	}

}
