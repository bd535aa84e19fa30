package io.github.permissionmanager.connect;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

/**
 * The connections' storage on H2 (always runs).
 */
class H2ConnectionStorageTests extends AbstractConnectionStorageTests {

	private static final DataSource DATABASE = new EmbeddedDatabaseBuilder().generateUniqueName(true)
		.setType(EmbeddedDatabaseType.H2)
		.build();

	@Override
	protected DataSource database() {
		return DATABASE;
	}

}
