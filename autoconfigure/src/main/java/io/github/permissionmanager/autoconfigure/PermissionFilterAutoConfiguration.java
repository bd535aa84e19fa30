package io.github.permissionmanager.autoconfigure;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import io.github.permissionmanager.PermissionEvaluator;
import io.github.permissionmanager.PermissionFilters;
import io.github.permissionmanager.SubjectResolver;
import io.github.permissionmanager.caller.CurrentCaller;
import io.github.permissionmanager.decide.DefaultPermissionEvaluator;
import io.github.permissionmanager.decide.GrantSnapshotCache;
import io.github.permissionmanager.filter.DefaultPermissionFilters;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * List filtering: a {@link PermissionFilters} bean when the application has Spring Data
 * JPA and the grant store (whose snapshots the filters compile).
 */
@AutoConfiguration(after = { PermissionStoreAutoConfiguration.class, PermissionEnforcementAutoConfiguration.class })
@ConditionalOnBooleanProperty(name = "permission-manager.enabled", matchIfMissing = true)
@EnableConfigurationProperties(PermissionFilterProperties.class)
public final class PermissionFilterAutoConfiguration {

	/**
	 * The Spring Data JPA specifications (and their SQL form).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Specification.class)
	@ConditionalOnBean({ GrantSnapshotCache.class, SubjectResolver.class })
	static class SpecificationConfiguration {

		private static final Log logger = LogFactory.getLog(PermissionFilterAutoConfiguration.class);

		@Bean
		@ConditionalOnMissingBean
		PermissionFilters permissionFilters(GrantSnapshotCache snapshots, ObjectProvider<PermissionEvaluator> evaluator,
				ObjectProvider<SubjectResolver> subjectResolver, ObjectProvider<DataSource> dataSource,
				ObjectProvider<CurrentCaller> caller, PermissionFilterProperties properties) {
			PermissionEvaluator current = evaluator.getIfUnique();
			if (!(current instanceof DefaultPermissionEvaluator)) {
				logger.warn("PermissionFilters refuses every query: they compile the grant store's grants, and checks "
						+ "are decided by "
						+ ((current != null) ? current.getClass().getName() : "no single evaluator"));
			}
			return new DefaultPermissionFilters(snapshots, evaluator::getIfUnique, subjectResolver::getObject,
					DefaultConversionService.getSharedInstance(), properties.getMaxObjectIds(),
					() -> stringsCompareLoosely(dataSource.getObject()), () -> caller.getIfUnique(CurrentCaller::new));
		}

		// MariaDB and MySQL compare strings ignoring case and trailing spaces unless a
		// column has a binary collation; the product name is read once, on first use
		private static boolean stringsCompareLoosely(DataSource dataSource) {
			try {
				String product = JdbcUtils.extractDatabaseMetaData(dataSource,
						DatabaseMetaData::getDatabaseProductName);
				DatabaseDriver driver = DatabaseDriver.fromProductName(product);
				return driver == DatabaseDriver.MARIADB || driver == DatabaseDriver.MYSQL;
			}
			catch (MetaDataAccessException ex) {
				throw new IllegalStateException("Could not read the database product name", ex);
			}
		}

	}

}
