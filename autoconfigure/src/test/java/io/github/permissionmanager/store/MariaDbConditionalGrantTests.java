package io.github.permissionmanager.store;

import io.github.permissionmanager.testsupport.RequiresServer;
import io.github.permissionmanager.testsupport.Server;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The conditional grant suite on MariaDB (jdbc:mariadb://127.0.0.1:3306/test). Fails when
 * the server does not answer and CI=true; skipped with the reason printed otherwise.
 */
@RequiresServer(Server.MARIADB)
class MariaDbConditionalGrantTests extends AbstractConditionalGrantTests {

	@RegisterExtension
	static final StoreDatabase DATABASE = StoreDatabase.mariaDb();

	@Override
	protected StoreDatabase storeDatabase() {
		return DATABASE;
	}

}
