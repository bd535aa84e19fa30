package io.github.permissionmanager.autoconfigure;

import javax.sql.DataSource;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionGrants;
import io.github.permissionmanager.PermissionManager;
import io.github.permissionmanager.PermissionManagerDataSource;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.decide.DefaultPermissionEvaluator;
import io.github.permissionmanager.PermissionEvaluator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A DataSource of its own for the grant store, qualified
 * {@link PermissionManagerDataSource @PermissionManagerDataSource}: an application with
 * two DataSources needs no {@code @Primary} trick, and the store's tables go to the
 * qualified one only.
 */
class PermissionManagerDataSourceTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(PermissionManagerAutoConfiguration.class, PermissionStoreAutoConfiguration.class))
		.withPropertyValues("permission-manager.store.initialize-schema=always");

	@Test
	void qualifiedDataSourceAmongTwoHoldsTheStore() {
		this.runner.withUserConfiguration(TwoDataSources.class).run((context) -> {
			assertThat(context).hasSingleBean(PermissionGrants.class);
			assertThat(context.getBean(PermissionEvaluator.class)).isInstanceOf(DefaultPermissionEvaluator.class);
			context.getBean(PermissionGrants.class)
				.grant(Grant.of(Grantee.user("bob"), "task:update").on("project", 7));
			assertThat(context.getBean(PermissionManager.class).check("bob", "task:update", Resource.of("project", 7)))
				.isTrue();
			assertThat(grantTables(context.getBean("permissionsDataSource", DataSource.class))).isEqualTo(1);
			assertThat(grantTables(context.getBean("applicationDataSource", DataSource.class))).isZero();
		});
	}

	@Test
	void qualifiedDataSourceWinsOverAPrimaryOne() {
		this.runner.withUserConfiguration(PrimaryAndQualified.class).run((context) -> {
			context.getBean(PermissionGrants.class).grant(Grant.of(Grantee.user("bob"), "task:update"));
			assertThat(grantTables(context.getBean("permissionsDataSource", DataSource.class))).isEqualTo(1);
			assertThat(grantTables(context.getBean("applicationDataSource", DataSource.class))).isZero();
		});
	}

	@Test
	void twoDataSourcesWithoutQualifierNorPrimaryThenNoStoreAndEveryCheckDenied() {
		this.runner.withUserConfiguration(TwoUnqualifiedDataSources.class).run((context) -> {
			assertThat(context).doesNotHaveBean(PermissionGrants.class);
			assertThat(context.getBean(PermissionManager.class).check("bob", "task:update")).isFalse();
		});
	}

	private static int grantTables(DataSource dataSource) {
		return JdbcClient.create(dataSource)
			.sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE LOWER(TABLE_NAME) = 'pm_grants'")
			.query(Integer.class)
			.single();
	}

	private static DataSource h2(String name) {
		return DataSourceBuilder.create()
			.url("jdbc:h2:mem:" + name + System.nanoTime() + ";DB_CLOSE_DELAY=-1")
			.username("sa")
			.build();
	}

	@Configuration(proxyBeanMethods = false)
	static class TwoDataSources {

		@Bean
		DataSource applicationDataSource() {
			return h2("app");
		}

		@Bean
		@PermissionManagerDataSource
		DataSource permissionsDataSource() {
			return h2("pm");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PrimaryAndQualified {

		@Bean
		@Primary
		DataSource applicationDataSource() {
			return h2("app");
		}

		@Bean
		@PermissionManagerDataSource
		DataSource permissionsDataSource() {
			return h2("pm");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoUnqualifiedDataSources {

		@Bean
		DataSource applicationDataSource() {
			return h2("app");
		}

		@Bean
		DataSource permissionsDataSource() {
			return h2("pm");
		}

	}

}
