package io.github.permissionmanager.autoconfigure;

import java.util.LinkedHashMap;

import io.github.permissionmanager.TenantResolver;
import io.github.permissionmanager.caller.CurrentCaller;
import io.github.permissionmanager.decide.DecisionService;
import io.github.permissionmanager.decide.GrantSnapshotCache;
import io.github.permissionmanager.decide.KnownPermissions;
import io.github.permissionmanager.decide.PermissionCombiner;
import io.github.permissionmanager.decide.TokenSubjects;
import io.github.permissionmanager.enforce.AuthenticationSubjectResolver;
import io.github.permissionmanager.enforce.GuardVerdicts;
import io.github.permissionmanager.enforce.PermissionAdvisor;
import io.github.permissionmanager.enforce.PermissionAutoProxyRegistrar;
import io.github.permissionmanager.enforce.PermissionEnforcer;
import io.github.permissionmanager.enforce.PermissionInterceptor;
import io.github.permissionmanager.enforce.RuleRegistry;
import io.github.permissionmanager.enforce.RuleValidator;
import io.github.permissionmanager.SubjectResolver;
import io.github.permissionmanager.resolve.ContextResolver;
import io.github.permissionmanager.resolve.DefaultTenantResolver;
import io.github.permissionmanager.resolve.JpaModelQueries;
import io.github.permissionmanager.resolve.ModelQueries;
import io.github.permissionmanager.resolve.ResolutionPlanner;
import jakarta.persistence.EntityManagerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Role;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.util.StringUtils;

/**
 * The enforcement path of {@code @RequiresPermissions}: the advisor and its interceptor,
 * the rule registry and its startup validation, context resolution (with JPA lookups when
 * the application has JPA), the subject and the tenant. Makes sure an auto-proxy creator
 * exists.
 */
@AutoConfiguration(after = PermissionManagerAutoConfiguration.class,
		afterName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@ConditionalOnBooleanProperty(name = "permission-manager.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ PermissionRulesProperties.class, PermissionCatalogProperties.class,
		PermissionEnforcementProperties.class, PermissionGroupsProperties.class, PermissionTenantProperties.class,
		PermissionEvaluationProperties.class })
@Import(PermissionAutoProxyRegistrar.class)
public final class PermissionEnforcementAutoConfiguration {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	@ConditionalOnMissingBean
	static PermissionAdvisor permissionAdvisor(ObjectProvider<RuleRegistry> registry,
			ObjectProvider<PermissionEnforcer> enforcer, ObjectProvider<GuardVerdicts> verdicts) {
		// the verdicts are told from inside the guard (Spring Security's events when
		// enabled): no advice of their own around it
		return new PermissionAdvisor(new PermissionInterceptor(registry::getObject, enforcer::getObject,
				() -> verdicts.getIfAvailable(() -> GuardVerdicts.NONE)));
	}

	@Bean
	@ConditionalOnMissingBean
	ResolutionPlanner permissionResolutionPlanner(ObjectProvider<ModelQueries> modelQueries) {
		return new ResolutionPlanner(modelQueries.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	RuleRegistry permissionRuleRegistry(PermissionRulesProperties properties, ResolutionPlanner planner) {
		return new RuleRegistry(new LinkedHashMap<>(properties.getRules()), planner);
	}

	@Bean
	@ConditionalOnMissingBean
	RuleValidator permissionRuleValidator(ConfigurableListableBeanFactory beanFactory, RuleRegistry registry,
			KnownPermissions knownPermissions, PermissionCatalogProperties catalog) {
		return new RuleValidator(beanFactory, registry, knownPermissions, catalog.getCatalog().keySet());
	}

	@Bean
	@ConditionalOnMissingBean
	ContextResolver permissionContextResolver(ObjectProvider<ModelQueries> modelQueries,
			PermissionEnforcementProperties properties) {
		return new ContextResolver(modelQueries.getIfAvailable(), DefaultConversionService.getSharedInstance(),
				properties.isCrossCheck());
	}

	@Bean
	@ConditionalOnMissingBean
	SubjectResolver permissionSubjectResolver(PermissionGroupsProperties groups, ObjectProvider<TokenSubjects> tokens) {
		return new AuthenticationSubjectResolver(groups.isFromAuthorities(), groups.getAuthorityPrefix(),
				StringUtils.hasText(groups.getClaim()) ? groups.getClaim() : null, tokens.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	TenantResolver permissionTenantResolver(PermissionTenantProperties tenant) {
		return new DefaultTenantResolver(tenant.getHeader(), tenant.getClaim(), tenant.getPathVariable());
	}

	@Bean
	@ConditionalOnMissingBean
	PermissionEnforcer permissionEnforcer(DecisionService decisions, ContextResolver contextResolver,
			SubjectResolver subjectResolver, TenantResolver tenantResolver, CurrentCaller caller,
			ObjectProvider<GrantSnapshotCache> snapshots, PermissionEnforcementProperties properties) {
		// The default resolver with no source configured answers no tenant, so it needs
		// no special case here
		GrantSnapshotCache cache = snapshots.getIfUnique();
		return new PermissionEnforcer(new PermissionCombiner(decisions), contextResolver, subjectResolver,
				tenantResolver, caller, properties.isHideExistence(), (cache != null) ? cache::groups : null);
	}

	/**
	 * Lookups through {@code model}, when the application has JPA.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(EntityManagerFactory.class)
	@ConditionalOnBean(EntityManagerFactory.class)
	static class JpaModelConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ModelQueries permissionModelQueries(EntityManagerFactory entityManagerFactory,
				PermissionEvaluationProperties evaluation) {
			return new JpaModelQueries(entityManagerFactory, evaluation.getTimeout());
		}

	}

}
