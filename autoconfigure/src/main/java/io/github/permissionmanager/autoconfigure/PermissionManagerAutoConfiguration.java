package io.github.permissionmanager.autoconfigure;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.permissionmanager.Decision;
import io.github.permissionmanager.PermissionDecisionPublisher;
import io.github.permissionmanager.PermissionEvaluator;
import io.github.permissionmanager.PermissionManager;
import io.github.permissionmanager.SubjectResolver;
import io.github.permissionmanager.caller.CurrentCaller;
import io.github.permissionmanager.caller.CurrentSubject;
import io.github.permissionmanager.decide.ApplicationEventDecisionPublisher;
import io.github.permissionmanager.decide.DecisionService;
import io.github.permissionmanager.decide.DefaultPermissionManager;
import io.github.permissionmanager.decide.GrantSnapshotCache;
import io.github.permissionmanager.decide.GrantImplication;
import io.github.permissionmanager.decide.KnownPermissions;
import io.github.permissionmanager.decide.PolicySets;
import io.github.permissionmanager.decide.Roles;
import io.github.permissionmanager.decide.TokenSubjects;
import io.github.permissionmanager.enforce.RuleDefinition;
import io.github.permissionmanager.observation.ObservedPermissionEvaluator;
import io.github.permissionmanager.pdp.PdpCallers;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Core of Permission Manager: its properties, the {@link DecisionService} every decision
 * passes through and the {@link PermissionDecisionPublisher} it hands decisions to, the
 * roles and the {@link PermissionManager}. With an observation registry that observes
 * something, each decision is a Micrometer {@code Observation}
 * ({@link ObservedPermissionEvaluator}). The grant store, the enforcement path and the
 * web layer have auto-configurations of their own.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "permission-manager.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ PermissionManagerProperties.class, PermissionEvaluationProperties.class,
		PermissionRulesProperties.class, PermissionCatalogProperties.class, PermissionRegistryProperties.class })
public final class PermissionManagerAutoConfiguration {

	private static final Log logger = LogFactory.getLog(PermissionManagerAutoConfiguration.class);

	private static final String NO_EVALUATOR = "no PermissionEvaluator is configured";

	@Bean
	@ConditionalOnMissingBean
	PermissionDecisionPublisher permissionDecisionPublisher(ApplicationEventPublisher publisher,
			ApplicationContext context, PermissionEvaluationProperties evaluation) {
		return evaluation.isPublishEvents() ? new ApplicationEventDecisionPublisher(publisher, context)
				: PermissionDecisionPublisher.none();
	}

	@Bean
	@ConditionalOnMissingBean
	DecisionService permissionDecisionService(ObjectProvider<PermissionEvaluator> evaluator,
			PermissionDecisionPublisher permissionDecisionPublisher, ObjectProvider<ObservationRegistry> observations,
			ObjectProvider<KnownPermissions> knownPermissions, ObjectProvider<GrantSnapshotCache> snapshots) {
		// Without any evaluator every check denies: fail closed, never open
		PermissionEvaluator effective = evaluator.getIfAvailable(() -> {
			// say so once at startup: otherwise every guarded call is a 403 with no
			// visible cause
			logger.warn("Permission Manager denies every check: " + NO_EVALUATOR
					+ " (the default one needs a single DataSource, or one qualified @PermissionManagerDataSource;"
					+ " or declare a PermissionEvaluator bean)");
			return (request) -> Decision.deny(NO_EVALUATOR);
		});
		// Observed only when a registry observes decisions: otherwise the evaluator is
		// asked as it is, and a cached allow allocates nothing
		ObservationRegistry registry = observations.getIfUnique();
		if (registry != null && ObservedPermissionEvaluator.observes(registry)) {
			KnownPermissions known = knownPermissions.getIfUnique();
			effective = new ObservedPermissionEvaluator(effective, registry,
					(known != null) ? known::isNamed : (permission) -> false, snapshots.getIfUnique());
		}
		return new DecisionService(effective, permissionDecisionPublisher, Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	CurrentCaller permissionCurrentCaller(ObjectProvider<SecurityContextHolderStrategy> strategy,
			ObjectProvider<AuthenticationTrustResolver> trustResolver) {
		// as Spring Security's own configurations: a strategy or trust resolver bean
		// replaces the defaults
		SecurityContextHolderStrategy declared = strategy.getIfUnique();
		return new CurrentCaller((declared != null) ? () -> declared : SecurityContextHolder::getContextHolderStrategy,
				trustResolver.getIfUnique(AuthenticationTrustResolverImpl::new));
	}

	@Bean
	@ConditionalOnMissingBean
	Roles permissionRoles(PermissionManagerProperties properties) {
		// Expanded and validated here, so a role cycle stops the application at startup
		return new Roles(properties.getRoles());
	}

	// One for the checks and the store alike, so each permission string is parsed once
	@Bean
	GrantImplication permissionGrantImplication(Roles roles, PermissionManagerProperties properties,
			Environment environment) {
		// a misspelled key of a set (typ: document) would widen it: bind them strictly
		StrictBinding.requireKnownKeys(environment, "permission-manager.user-sets",
				Bindable.mapOf(String.class, PermissionManagerProperties.UserSet.class));
		StrictBinding.requireKnownKeys(environment, "permission-manager.resource-sets",
				Bindable.mapOf(String.class, PermissionManagerProperties.ResourceSet.class));
		Map<String, @Nullable String> userSets = new LinkedHashMap<>();
		properties.getUserSets().forEach((name, set) -> userSets.put(name, set.getWhen()));
		Map<String, PolicySets.ResourceSet> resourceSets = new LinkedHashMap<>();
		properties.getResourceSets()
			.forEach((name, set) -> resourceSets.put(name, new PolicySets.ResourceSet(set.getType(), set.getWhen())));
		return new GrantImplication(roles, PolicySets.of(userSets, resourceSets));
	}

	// Only with a permissions claim: the subject resolver then remembers which subjects
	// were built from a verified JWT, the only ones the claim grants to
	@Bean
	@ConditionalOnProperty("permission-manager.jwt.permissions-claim")
	TokenSubjects permissionTokenSubjects() {
		return new TokenSubjects();
	}

	@Bean
	@ConditionalOnMissingBean
	KnownPermissions permissionKnownPermissions(Environment environment, Roles roles, PermissionRulesProperties rules,
			PermissionCatalogProperties catalog) {
		// the registry is read from the rules and the catalog: bind them strictly first,
		// so a misspelled key stops the start instead of being dropped
		StrictBinding.requireKnownKeys(environment, "permission-manager.rules",
				Bindable.mapOf(String.class, RuleDefinition.class));
		StrictBinding.requireKnownKeys(environment, "permission-manager.catalog",
				Bindable.mapOf(String.class, PermissionCatalogProperties.CatalogEntry.class));
		Set<String> configured = new LinkedHashSet<>(catalog.getCatalog().keySet());
		rules.getRules().values().forEach((rule) -> {
			configured.addAll(rule.getPermissions());
			configured.addAll(rule.getOptional());
		});
		if (environment.getProperty("permission-manager.pdp.enabled", Boolean.class, false)) {
			// the permissions callers of the decision point are granted
			configured.addAll(List.of(PdpCallers.CHECK, PdpCallers.EXPLAIN, PdpCallers.LIST));
		}
		for (String role : roles.names()) {
			roles.permissionsOf(role).forEach((permission) -> configured.add(permission.toString()));
		}
		return new KnownPermissions(roles, configured);
	}

	@Bean
	@ConditionalOnMissingBean
	PermissionManager permissionManager(DecisionService permissionDecisionService,
			ObjectProvider<GrantSnapshotCache> snapshots, CurrentCaller caller,
			ObjectProvider<SubjectResolver> subjectResolver) {
		// the subject resolver of the enforcement path, so the current user is built as a
		// guarded call builds it
		return new DefaultPermissionManager(permissionDecisionService, snapshots.getIfUnique(),
				new CurrentSubject(caller, subjectResolver::getObject));
	}

}
