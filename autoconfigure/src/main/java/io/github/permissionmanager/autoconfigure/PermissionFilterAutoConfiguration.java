package io.github.permissionmanager.autoconfigure;

import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.github.permissionmanager.PermissionEvaluator;
import io.github.permissionmanager.PermissionFilters;
import io.github.permissionmanager.SubjectResolver;
import io.github.permissionmanager.caller.CurrentCaller;
import io.github.permissionmanager.decide.DefaultPermissionEvaluator;
import io.github.permissionmanager.decide.GrantSnapshotCache;
import io.github.permissionmanager.filter.DefaultPermissionFilters;
import io.github.permissionmanager.filter.GrantTable;
import io.github.permissionmanager.filter.PermittedArgumentResolver;
import io.github.permissionmanager.filter.PermittedParameterValidator;
import io.github.permissionmanager.TenantResolver;
import io.github.permissionmanager.store.StoreTables;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.metamodel.ManagedType;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.orm.jpa.EntityManagerFactoryInfo;
import org.springframework.util.ConcurrentReferenceHashMap;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * List filtering: a {@link PermissionFilters} bean when the application has Spring Data
 * JPA and the grant store (whose snapshots the filters compile, and whose grant table
 * they query for subjects with many object grants).
 */
@AutoConfiguration(after = { PermissionStoreAutoConfiguration.class, PermissionEnforcementAutoConfiguration.class })
@ConditionalOnBooleanProperty(name = "permission-manager.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ PermissionFilterProperties.class, PermissionStoreProperties.class })
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
				ObjectProvider<SubjectResolver> subjectResolver, ObjectProvider<PermissionStoreDataSource> dataSource,
				ObjectProvider<EntityManagerFactory> entityManagerFactories, ObjectProvider<CurrentCaller> caller,
				ObjectProvider<Clock> clock, PermissionFilterProperties properties, PermissionStoreProperties store) {
			PermissionEvaluator current = evaluator.getIfUnique();
			if (!(current instanceof DefaultPermissionEvaluator)) {
				logger.warn("PermissionFilters refuses every query: they compile the grant store's grants, and checks "
						+ "are decided by "
						+ ((current != null) ? current.getClass().getName() : "no single evaluator"));
			}
			// the store's DataSource, as the store auto-configuration picks it
			Supplier<DataSource> storeDataSource = () -> dataSource.getObject().dataSource();
			GrantTable grantTable = new GrantTable(new StoreTables(store.getTablePrefix()),
					() -> productName(storeDataSource.get()), clock.getIfUnique(Clock::systemUTC),
					new SharedDatabase(entityManagerFactories, storeDataSource));
			return new DefaultPermissionFilters(snapshots, evaluator::getIfUnique, subjectResolver::getObject,
					DefaultConversionService.getSharedInstance(), properties.getMaxObjectIds(), grantTable,
					() -> caller.getIfUnique(CurrentCaller::new));
		}

		private static String productName(DataSource dataSource) {
			try {
				return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
			}
			catch (MetaDataAccessException ex) {
				throw new IllegalStateException("Could not read the database product name", ex);
			}
		}

	}

	/**
	 * {@code @Permitted} handler parameters in a Spring MVC application, and their
	 * startup validation.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Specification.class, DispatcherServlet.class })
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class WebMvcConfiguration {

		@Bean
		@ConditionalOnMissingBean
		PermittedArgumentResolver permittedArgumentResolver(ObjectProvider<PermissionFilters> filters,
				ObjectProvider<SubjectResolver> subjectResolver, ObjectProvider<TenantResolver> tenantResolver,
				ObjectProvider<CurrentCaller> caller) {
			return new PermittedArgumentResolver(filters::getObject, subjectResolver::getObject,
					tenantResolver::getIfUnique, () -> caller.getIfUnique(CurrentCaller::new));
		}

		@Bean
		WebMvcConfigurer permittedWebMvcConfigurer(PermittedArgumentResolver argumentResolver) {
			return new WebMvcConfigurer() {

				@Override
				public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
					resolvers.add(argumentResolver);
				}

			};
		}

		@Bean
		static PermittedParameterValidator permittedParameterValidator(
				ObjectProvider<RequestMappingHandlerMapping> mappings,
				ObjectProvider<EntityManagerFactory> entityManagerFactories,
				ObjectProvider<PermissionFilters> filters) {
			return new PermittedParameterValidator(
					() -> mappings.orderedStream()
						.flatMap((mapping) -> mapping.getHandlerMethods().values().stream())
						.toList(),
					(type) -> managedType(entityManagerFactories, type), () -> filters.getIfAvailable() != null);
		}

		private static @Nullable ManagedType<?> managedType(ObjectProvider<EntityManagerFactory> factories,
				Class<?> type) {
			for (EntityManagerFactory factory : factories) {
				try {
					return factory.getMetamodel().managedType(type);
				}
				catch (IllegalArgumentException ex) {
					// not one of this factory's
				}
			}
			return null;
		}

	}

	/**
	 * WebFlux has no resolver for {@code @Permitted}: a handler that declares one stops
	 * the start instead of failing each call.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Specification.class,
			org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping.class })
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	static class WebFluxConfiguration {

		@Bean
		static PermittedParameterValidator permittedParameterValidator(
				ObjectProvider<org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping> mappings) {
			return PermittedParameterValidator.reactive(() -> mappings.orderedStream()
				.flatMap((mapping) -> mapping.getHandlerMethods().values().stream())
				.toList());
		}

	}

	/**
	 * Whether the entities a JPA query reads live in the grant store's database: the
	 * query's {@code CriteriaBuilder} is that of one of the application's entity manager
	 * factories, and that factory was built on the store's DataSource. Anything else
	 * (another DataSource, a factory not built by Spring) is not the same database.
	 */
	static final class SharedDatabase implements Predicate<CriteriaBuilder> {

		private final ObjectProvider<EntityManagerFactory> factories;

		private final Supplier<DataSource> store;

		private final Map<CriteriaBuilder, Boolean> answers = new ConcurrentReferenceHashMap<>(4,
				ConcurrentReferenceHashMap.ReferenceType.WEAK);

		SharedDatabase(ObjectProvider<EntityManagerFactory> factories, Supplier<DataSource> store) {
			this.factories = factories;
			this.store = store;
		}

		@Override
		public boolean test(CriteriaBuilder builder) {
			return this.answers.computeIfAbsent(builder, this::sharesDatabase);
		}

		private boolean sharesDatabase(CriteriaBuilder builder) {
			DataSource store = this.store.get();
			return this.factories.stream()
				.filter((factory) -> builderOf(factory) == builder)
				.anyMatch(
						(factory) -> factory instanceof EntityManagerFactoryInfo info && info.getDataSource() == store);
		}

		private static @Nullable CriteriaBuilder builderOf(EntityManagerFactory factory) {
			try {
				return factory.getCriteriaBuilder();
			}
			catch (IllegalStateException ex) {
				// closed
				return null;
			}
		}

	}

}
