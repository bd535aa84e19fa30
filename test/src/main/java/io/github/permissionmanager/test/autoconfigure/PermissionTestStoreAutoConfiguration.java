package io.github.permissionmanager.test.autoconfigure;

import javax.sql.DataSource;

import io.github.permissionmanager.PermissionManagerDataSource;
import io.github.permissionmanager.autoconfigure.PermissionStoreAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

/**
 * A grant store for a test that has no database, such as a {@code @WebMvcTest} slice: the
 * real JDBC store, on a private in-memory H2 database of the test's own, qualified
 * {@link PermissionManagerDataSource @PermissionManagerDataSource} so that nothing else
 * of the application uses it. Decisions then follow exactly the rules of production, and
 * {@link io.github.permissionmanager.test.WithPermissions @WithPermissions} has a store
 * to grant in. Backs off when the test has a DataSource: the store is on it then.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class, before = PermissionStoreAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "permission-manager.enabled", matchIfMissing = true)
@ConditionalOnClass({ EmbeddedDatabase.class, org.h2.Driver.class })
@ConditionalOnMissingBean(DataSource.class)
public final class PermissionTestStoreAutoConfiguration {

	@Bean(destroyMethod = "shutdown")
	@PermissionManagerDataSource
	EmbeddedDatabase permissionManagerTestDataSource() {
		return new EmbeddedDatabaseBuilder().generateUniqueName(true).setType(EmbeddedDatabaseType.H2).build();
	}

}
