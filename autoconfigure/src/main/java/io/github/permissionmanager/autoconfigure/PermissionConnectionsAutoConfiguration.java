package io.github.permissionmanager.autoconfigure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.github.permissionmanager.Connections;
import io.github.permissionmanager.caller.CurrentCaller;
import io.github.permissionmanager.connect.ApiKeyConnectionBackend;
import io.github.permissionmanager.connect.ConnectionAdvisor;
import io.github.permissionmanager.connect.ConnectionAudit;
import io.github.permissionmanager.connect.ConnectionBackend;
import io.github.permissionmanager.connect.ConnectionCatalog;
import io.github.permissionmanager.connect.ConnectionChecker;
import io.github.permissionmanager.connect.ConnectionEndpoints;
import io.github.permissionmanager.connect.ConnectionRules;
import io.github.permissionmanager.connect.ConnectionValidator;
import io.github.permissionmanager.connect.DefaultConnections;
import io.github.permissionmanager.connect.JdbcApiKeys;
import io.github.permissionmanager.connect.TokenCipher;
import io.github.permissionmanager.enforce.PermissionAutoProxyRegistrar;
import io.github.permissionmanager.store.AuditTrail;
import io.github.permissionmanager.store.PermissionStoreSchemaInitializer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Connections ({@code @RequiresConnections}): the advisor, the catalog, its checks and
 * their startup validation are always there, so an annotation never goes unchecked; the
 * {@link Connections} bean, the encrypted storage of tokens and API keys (with a
 * DataSource), Spring Security's OAuth2 client wiring and the endpoints come with a
 * catalog ({@code permission-manager.connections.catalog}).
 */
@AutoConfiguration(
		after = { PermissionManagerAutoConfiguration.class, PermissionStoreAutoConfiguration.class,
				DataSourceAutoConfiguration.class },
		afterName = "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
		beforeName = "org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration")
@ConditionalOnBooleanProperty(name = "permission-manager.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ PermissionConnectionsProperties.class, PermissionStoreProperties.class,
		PermissionEvaluationProperties.class })
@Import({ PermissionConnectionsOAuth2Configuration.class, PermissionAutoProxyRegistrar.class })
public final class PermissionConnectionsAutoConfiguration {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	@ConditionalOnMissingBean
	static ConnectionAdvisor permissionConnectionAdvisor(ObjectProvider<ConnectionRules> rules,
			ObjectProvider<ConnectionChecker> checker) {
		return new ConnectionAdvisor(rules::getObject, checker::getObject);
	}

	@Bean
	@ConditionalOnMissingBean
	ConnectionRules permissionConnectionRules() {
		return new ConnectionRules();
	}

	@Bean
	@ConditionalOnMissingBean
	ConnectionCatalog permissionConnectionCatalog(PermissionConnectionsProperties properties) {
		return ConnectionCatalogFactory.catalog(properties, new ArrayList<>());
	}

	@Bean
	@ConditionalOnMissingBean
	ConnectionChecker permissionConnectionChecker(ConnectionCatalog catalog, ObjectProvider<ConnectionBackend> backends,
			ObjectProvider<CurrentCaller> caller, PermissionConnectionsProperties properties) {
		return new ConnectionChecker(catalog, backends.orderedStream().toList(), caller.getIfUnique(CurrentCaller::new),
				properties.getEndpoint());
	}

	@Bean
	@ConditionalOnMissingBean
	ConnectionAudit permissionConnectionAudit() {
		return ConnectionAudit.none();
	}

	@Bean
	@ConditionalOnMissingBean
	ConnectionValidator permissionConnectionValidator(ConfigurableListableBeanFactory beanFactory,
			PermissionConnectionsProperties properties, ConnectionCatalog catalog,
			ObjectProvider<ConnectionValidator.Registrations> registrations,
			ObjectProvider<ConnectionBackend> backends) {
		List<String> problems = new ArrayList<>();
		ConnectionCatalogFactory.catalog(properties, problems);
		ConnectionValidator.Registrations found = registrations.getIfAvailable();
		return new ConnectionValidator(beanFactory, catalog, problems,
				(found != null) ? found : (registrationId) -> null,
				backends.orderedStream().map(ConnectionBackend::kind).collect(Collectors.toSet()));
	}

	/**
	 * The {@link Connections} bean and the endpoints, which speak {@link RestClient}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestClient.class)
	@Conditional(ConnectionsCatalogCondition.class)
	static class ConnectionsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		Connections permissionConnections(ConnectionCatalog catalog, ConnectionChecker checker,
				ObjectProvider<RestClient.Builder> restClients, ConnectionAudit audit, ApplicationEventPublisher events,
				ObjectProvider<Clock> clock) {
			return new DefaultConnections(catalog, checker, () -> restClients.getIfAvailable(RestClient::builder),
					audit, events, clock.getIfUnique(Clock::systemUTC));
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnWebApplication(type = Type.SERVLET)
		@ConditionalOnClass(RouterFunction.class)
		static class EndpointsConfiguration {

			@Bean
			RouterFunction<ServerResponse> permissionConnectionEndpoints(ConnectionCatalog catalog,
					ConnectionChecker checker, Connections connections, PermissionConnectionsProperties properties) {
				return new ConnectionEndpoints(catalog, checker, connections).routes(properties.getEndpoint());
			}

		}

	}

	/**
	 * Tokens and API keys in the store's DataSource (the application's, or the one
	 * qualified {@code @PermissionManagerDataSource}), encrypted, with sign-ins and
	 * sign-outs in the store's audit trail.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(PermissionStoreDataSource.class)
	@Conditional(ConnectionsCatalogCondition.class)
	static class JdbcStorageConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TokenCipher permissionConnectionCipher(PermissionConnectionsProperties properties) {
			String key = properties.getEncryptionKey();
			if (key == null || key.isBlank()) {
				throw new IllegalStateException(TokenCipher.missingKey());
			}
			return TokenCipher.of(key);
		}

		@Bean
		PermissionStoreSchemaInitializer permissionConnectionsSchemaInitializer(
				PermissionStoreDataSource storeDataSource, PermissionStoreProperties store) {
			return new PermissionStoreSchemaInitializer(storeDataSource.dataSource(), store.getInitializeSchema(),
					store.getPlatform(), PermissionStoreAutoConfiguration.tables(store),
					"classpath:io/github/permissionmanager/connect/schema-@@platform@@.sql");
		}

		@Bean
		@ConditionalOnMissingBean
		@DependsOnDatabaseInitialization
		JdbcApiKeys permissionConnectionApiKeys(PermissionStoreDataSource storeDataSource,
				PermissionStoreProperties store, PermissionEvaluationProperties evaluation, TokenCipher cipher,
				ObjectProvider<Clock> clock) {
			return new JdbcApiKeys(
					JdbcClient
						.create(PermissionStoreAutoConfiguration.template(storeDataSource.dataSource(), evaluation)),
					PermissionStoreAutoConfiguration.tables(store), cipher, clock.getIfUnique(Clock::systemUTC));
		}

		@Bean
		ApiKeyConnectionBackend permissionApiKeyConnectionBackend(JdbcApiKeys keys, ObjectProvider<Clock> clock) {
			return new ApiKeyConnectionBackend(keys, clock.getIfUnique(Clock::systemUTC));
		}

		@Bean
		@DependsOnDatabaseInitialization
		ConnectionAudit permissionJdbcConnectionAudit(PermissionStoreDataSource storeDataSource,
				PermissionStoreProperties store, PermissionEvaluationProperties evaluation, ObjectProvider<Clock> clock,
				ObjectProvider<CurrentCaller> caller, ObjectProvider<PlatformTransactionManager> transactionManager) {
			DataSource dataSource = storeDataSource.dataSource();
			AuditTrail trail = new AuditTrail(
					JdbcClient.create(PermissionStoreAutoConfiguration.template(dataSource, evaluation)),
					PermissionStoreAutoConfiguration.tables(store), clock.getIfUnique(Clock::systemUTC),
					caller.getIfUnique(CurrentCaller::new));
			// the application's transactions are on its own DataSource: a dedicated one
			// gets
			// a transaction manager of its own, as the store's does
			return new ConnectionAudit(trail,
					new TransactionTemplate(storeDataSource.dedicated() ? new JdbcTransactionManager(dataSource)
							: transactionManager.getIfUnique(() -> new JdbcTransactionManager(dataSource))));
		}

	}

}
