package io.github.permissionmanager.enforce;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.permissionmanager.InvalidPermissionRulesException;
import io.github.permissionmanager.RequiresPermissions;
import io.github.permissionmanager.decide.KnownPermissions;
import io.github.permissionmanager.decide.Roles;
import io.github.permissionmanager.decide.WildcardPermission;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.log.LogMessage;
import org.springframework.util.Assert;

/**
 * Parses and checks the rule of every guarded method of every bean (controllers and
 * services alike) once the singletons exist, and fills the {@link RuleRegistry}. When
 * anything cannot work — an unknown rule, entity or attribute, a key no source can
 * provide, bad SpEL, a method that cannot be advised, a bean that is not proxied, a
 * type-level {@code methods} filter that matches none of its handlers — the application
 * refuses to start with one {@link InvalidPermissionRulesException} listing every
 * problem. The catalog's keys must be permissions too; an entry for a permission that no
 * annotation or rule requires is reported as a warning (a typo, unless the permission is
 * checked in code). Once every method is read, the permissions they name complete the
 * {@link KnownPermissions permission registry}.
 */
public final class RuleValidator implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(RuleValidator.class);

	private final ConfigurableListableBeanFactory beanFactory;

	private final RuleRegistry registry;

	private final KnownPermissions known;

	private final Collection<String> catalog;

	/**
	 * Create a validator with no catalog, whose permission registry knows no role.
	 * @param beanFactory the factory whose beans are scanned
	 * @param registry the registry to fill
	 */
	public RuleValidator(ConfigurableListableBeanFactory beanFactory, RuleRegistry registry) {
		this(beanFactory, registry, new KnownPermissions(Roles.none(), List.of()), List.of());
	}

	/**
	 * Create a validator.
	 * @param beanFactory the factory whose beans are scanned
	 * @param registry the registry to fill
	 * @param known the permission registry to complete
	 * @param catalog the permissions of the catalog's entries
	 */
	public RuleValidator(ConfigurableListableBeanFactory beanFactory, RuleRegistry registry, KnownPermissions known,
			Collection<String> catalog) {
		Assert.notNull(beanFactory, "beanFactory cannot be null");
		Assert.notNull(registry, "registry cannot be null");
		Assert.notNull(known, "known cannot be null");
		Assert.notNull(catalog, "catalog cannot be null");
		this.beanFactory = beanFactory;
		this.registry = registry;
		this.known = known;
		this.catalog = List.copyOf(catalog);
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<String> problems = new ArrayList<>();
		this.registry.validateRules(problems);
		validateCatalog(problems);
		int guarded = 0;
		Set<Class<?>> guardedTypes = new LinkedHashSet<>();
		for (Class<?> type : AnnotatedBeanClasses.find(this.beanFactory, RequiresPermissions.class)) {
			int methods = validate(type, problems);
			if (methods > 0) {
				guardedTypes.add(type);
				GuardCoverage.checkTypeLevelMethods(type, this.registry, problems);
			}
			guarded += methods;
		}
		GuardCoverage.checkProxied(this.beanFactory, guardedTypes, problems);
		if (!problems.isEmpty()) {
			throw new InvalidPermissionRulesException(problems);
		}
		Set<String> required = this.registry.permissions();
		this.known.add(required);
		this.known.complete();
		warnAboutUnusedCatalogEntries(required);
		int count = guarded;
		logger.debug(LogMessage.of(() -> "Validated " + count + " @RequiresPermissions methods"));
	}

	private void validateCatalog(List<String> problems) {
		for (String permission : this.catalog) {
			try {
				WildcardPermission.parse(permission);
			}
			catch (IllegalArgumentException ex) {
				problems.add("catalog entry '" + permission + "' is not a permission: " + ex.getMessage());
			}
		}
	}

	private void warnAboutUnusedCatalogEntries(Set<String> required) {
		Set<String> unused = new LinkedHashSet<>(this.catalog);
		unused.removeAll(required);
		unused.removeAll(this.registry.rulePermissions());
		if (!unused.isEmpty()) {
			logger.warn("The catalog has entries for " + unused + ", which no @RequiresPermissions method or rule "
					+ "requires, so no denial shows them: a typo? (an entry for a permission checked only in code "
					+ "is fine)");
		}
	}

	private int validate(Class<?> type, List<String> problems) {
		List<Method> guarded = GuardCoverage.guardedMethods(type);
		guarded.forEach((method) -> this.registry.register(method, type, problems));
		return guarded.size();
	}

}
