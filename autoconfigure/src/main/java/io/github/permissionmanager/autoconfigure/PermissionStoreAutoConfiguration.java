package io.github.permissionmanager.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.github.permissionmanager.GrantSource;
import io.github.permissionmanager.PermissionEvaluator;
import io.github.permissionmanager.PermissionGrants;
import io.github.permissionmanager.PermissionManagerDataSource;
import io.github.permissionmanager.ResourceAttributesResolver;
import io.github.permissionmanager.SubjectAttributesResolver;
import io.github.permissionmanager.caller.CurrentCaller;
import io.github.permissionmanager.decide.ClaimGrants;
import io.github.permissionmanager.decide.DefaultPermissionEvaluator;
import io.github.permissionmanager.decide.GrantImplication;
import io.github.permissionmanager.decide.GrantSnapshotCache;
import io.github.permissionmanager.decide.KnownPermissions;
import io.github.permissionmanager.decide.SourcedGrantsLoader;
import io.github.permissionmanager.decide.SubjectGrantsLoader;
import io.github.permissionmanager.decide.TokenSubjects;
import io.github.permissionmanager.store.AuditLog;
import io.github.permissionmanager.store.ChangeLog;
import io.github.permissionmanager.store.ChangeSignal;
import io.github.permissionmanager.store.GrantConditionColumn;
import io.github.permissionmanager.store.GranteeDirectory;
import io.github.permissionmanager.store.JdbcPermissionGrants;
import io.github.permissionmanager.store.JdbcSubjectGrantsLoader;
import io.github.permissionmanager.store.PermissionStoreSchemaInitializer;
import io.github.permissionmanager.store.RegisteredPermissionGrants;
import io.github.permissionmanager.store.StoreJdbcTemplate;
import io.github.permissionmanager.store.StoreTables;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * The JDBC grant store and the default evaluator that reads it through the per-subject
 * cache: on when the application has a single DataSource, or one qualified
 * {@link PermissionManagerDataSource @PermissionManagerDataSource}, unless decisions come
 * from a remote decision point ({@code permission-manager.pdp.url}). Every bean backs off
 * when the application declares its own.
 */
// After the core, whose GrantImplication (roles and wildcards) the checks and the store
// share
@AutoConfiguration(
		after = { PermissionManagerAutoConfiguration.class, DataSourceAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class },
		afterName = "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration")
@ConditionalOnBooleanProperty(name = "permission-manager.enabled", matchIfMissing = true)
@Conditional({ PermissionStoreAutoConfiguration.StoreDataSourceCondition.class, NoRemoteDecisionPoint.class })
@EnableConfigurationProperties({ PermissionStoreProperties.class, PermissionCacheProperties.class,
		PermissionEvaluationProperties.class, PermissionSyncProperties.class, PermissionRegistryProperties.class,
		PermissionSourcesProperties.class })
public final class PermissionStoreAutoConfiguration {

	@Bean
	PermissionStoreDataSource permissionStoreDataSource(
			@PermissionManagerDataSource ObjectProvider<DataSource> qualified, ObjectProvider<DataSource> dataSource) {
		DataSource dedicated = qualified.getIfAvailable();
		return (dedicated != null) ? new PermissionStoreDataSource(dedicated, true)
				: new PermissionStoreDataSource(dataSource.getObject(), false);
	}

	@Bean
	@ConditionalOnMissingBean
	PermissionStoreSchemaInitializer permissionStoreSchemaInitializer(PermissionStoreDataSource storeDataSource,
			PermissionStoreProperties store) {
		return new PermissionStoreSchemaInitializer(storeDataSource.dataSource(), store, tables(store));
	}

	@Bean
	@ConditionalOnMissingBean
	@DependsOnDatabaseInitialization
	SubjectGrantsLoader permissionSubjectGrantsLoader(PermissionStoreDataSource storeDataSource,
			PermissionStoreProperties store, PermissionEvaluationProperties evaluation) {
		return new JdbcSubjectGrantsLoader(template(storeDataSource.dataSource(), evaluation), tables(store));
	}

	@Bean
	@ConditionalOnMissingBean
	GrantSnapshotCache permissionGrantSnapshotCache(SubjectGrantsLoader loader, GrantImplication implication,
			PermissionCacheProperties cache, ObjectProvider<Clock> clock, ListableBeanFactory beanFactory,
			PermissionSourcesProperties sources, ObjectProvider<GrantSource> grantSources, Environment environment) {
		Duration ttl = cache.isEnabled() ? cache.getTtl() : null;
		// the store first, then static grants, then the application's sources
		List<GrantSource> others = new ArrayList<>();
		// a misspelled key (wen:, resource-st:) would make a grant unconditional: bind
		// them strictly
		StrictBinding.requireKnownKeys(environment, "permission-manager.static-grants",
				Bindable.listOf(PermissionSourcesProperties.StaticGrant.class));
		if (!sources.getStaticGrants().isEmpty()) {
			others.add(StaticGrantsFactory.create(sources.getStaticGrants(), implication));
		}
		grantSources.orderedStream().forEach(others::add);
		// Caffeine's statistics cost a counter update per check: only for a meter
		// registry
		return new GrantSnapshotCache(SourcedGrantsLoader.of(loader, others), implication,
				clock.getIfUnique(Clock::systemUTC), ttl, cache.getMaximumSize(),
				PermissionMetricsAutoConfiguration.hasMeterRegistry(beanFactory), cache.getMemoSize());
	}

	@Bean
	@ConditionalOnMissingBean
	PermissionEvaluator permissionEvaluator(GrantSnapshotCache snapshots, GrantImplication implication,
			ObjectProvider<SubjectAttributesResolver> subjectAttributes,
			ObjectProvider<ResourceAttributesResolver> resourceAttributes, PermissionSourcesProperties sources,
			ObjectProvider<TokenSubjects> tokens) {
		String claim = sources.getJwt().getPermissionsClaim();
		TokenSubjects verified = tokens.getIfAvailable();
		ClaimGrants claims = (StringUtils.hasText(claim) && verified != null)
				? new ClaimGrants(claim, sources.getJwt().getPermissionsPrefix(), implication, verified) : null;
		return new DefaultPermissionEvaluator(snapshots, subjectAttributes.getIfUnique(),
				resourceAttributes.getIfUnique(), claims);
	}

	@Bean
	@ConditionalOnMissingBean
	@DependsOnDatabaseInitialization
	ChangeLog permissionChangeLog(PermissionStoreDataSource storeDataSource, PermissionStoreProperties store,
			PermissionEvaluationProperties evaluation, PermissionSyncProperties sync,
			ObjectProvider<ChangeSignal> signals, ObjectProvider<Clock> clock) {
		return new ChangeLog(jdbc(storeDataSource.dataSource(), evaluation), tables(store),
				clock.getIfUnique(Clock::systemUTC), sync.getGapTimeout().dividedBy(2),
				signals.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	@DependsOnDatabaseInitialization
	PermissionGrants permissionGrants(PermissionStoreDataSource storeDataSource, PermissionStoreProperties store,
			PermissionEvaluationProperties evaluation, ObjectProvider<PlatformTransactionManager> transactionManager,
			GrantSnapshotCache snapshots, GrantImplication implication, ObjectProvider<Clock> clock,
			ChangeLog changeLog, ObjectProvider<CurrentCaller> caller, PermissionRegistryProperties registry,
			ObjectProvider<KnownPermissions> knownPermissions) {
		DataSource dataSource = storeDataSource.dataSource();
		// Every change writes to the change log: without it, every change would fail
		changeLog.requireTables(false,
				() -> PermissionStoreSchemaInitializer.schemaScript(dataSource, store.getPlatform()));
		// Tables made before grants had conditions: every check would fail reading them
		GrantConditionColumn.require(jdbc(dataSource, evaluation), tables(store),
				PermissionStoreSchemaInitializer.schemaScript(dataSource, store.getPlatform()));
		// the application's transactions are on its own DataSource: a dedicated one gets
		// a transaction manager of its own
		TransactionTemplate transactions = new TransactionTemplate(
				storeDataSource.dedicated() ? new JdbcTransactionManager(dataSource)
						: transactionManager.getIfUnique(() -> new JdbcTransactionManager(dataSource)));
		PermissionGrants grants = new JdbcPermissionGrants(jdbc(dataSource, evaluation), tables(store), transactions,
				snapshots, implication, clock.getIfUnique(Clock::systemUTC), changeLog,
				caller.getIfUnique(CurrentCaller::new));
		return registry.isStrict() ? new RegisteredPermissionGrants(grants, knownPermissions.getObject()) : grants;
	}

	// What the admin console (and any application code) reads besides the grants: the
	// audit trail and the names the store knows
	@Bean
	@ConditionalOnMissingBean
	@DependsOnDatabaseInitialization
	AuditLog permissionAuditLog(PermissionStoreDataSource storeDataSource, PermissionStoreProperties store,
			PermissionEvaluationProperties evaluation) {
		return new AuditLog(jdbc(storeDataSource.dataSource(), evaluation), tables(store));
	}

	@Bean
	@ConditionalOnMissingBean
	@DependsOnDatabaseInitialization
	GranteeDirectory permissionGranteeDirectory(PermissionStoreDataSource storeDataSource,
			PermissionStoreProperties store, PermissionEvaluationProperties evaluation) {
		return new GranteeDirectory(jdbc(storeDataSource.dataSource(), evaluation), tables(store));
	}

	/**
	 * On when the application has a single DataSource, or one qualified for Permission
	 * Manager.
	 */
	static final class StoreDataSourceCondition extends AnyNestedCondition {

		StoreDataSourceCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnSingleCandidate(DataSource.class)
		static class SingleDataSource {

		}

		@ConditionalOnBean(value = DataSource.class, annotation = PermissionManagerDataSource.class)
		static class QualifiedDataSource {

		}

	}

	static StoreTables tables(PermissionStoreProperties store) {
		return new StoreTables(store.getTablePrefix());
	}

	// A slow store must not hold a check: its statements give up after the evaluation
	// timeout
	private static JdbcClient jdbc(DataSource dataSource, PermissionEvaluationProperties evaluation) {
		return JdbcClient.create(template(dataSource, evaluation));
	}

	static JdbcTemplate template(DataSource dataSource, PermissionEvaluationProperties evaluation) {
		Duration timeout = evaluation.getTimeout();
		if (timeout == null || timeout.isZero() || timeout.isNegative()) {
			return new JdbcTemplate(dataSource);
		}
		long millis = timeout.toMillis();
		return new StoreJdbcTemplate(dataSource, (int) Math.max(1, Math.min(Integer.MAX_VALUE, (millis + 999) / 1000)));
	}

}
