package io.github.permissionmanager.store;

import io.github.permissionmanager.testsupport.RequiresServer;
import io.github.permissionmanager.testsupport.Server;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The conditional grant suite on PostgreSQL (jdbc:postgresql://127.0.0.1:5432/test).
 * Fails when the server does not answer and CI=true; skipped with the reason printed
 * otherwise.
 */
@RequiresServer(Server.POSTGRESQL)
class PostgresConditionalGrantTests extends AbstractConditionalGrantTests {

	@RegisterExtension
	static final StoreDatabase DATABASE = StoreDatabase.postgres();

	@Override
	protected StoreDatabase storeDatabase() {
		return DATABASE;
	}

}
