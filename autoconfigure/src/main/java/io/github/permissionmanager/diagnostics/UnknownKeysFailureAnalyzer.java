package io.github.permissionmanager.diagnostics;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.github.permissionmanager.autoconfigure.PermissionCatalogProperties;
import io.github.permissionmanager.enforce.RuleDefinition;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Explains a key of a rule or a catalog entry that is not one of theirs (a typo such as
 * {@code methds}), which strict binding refuses: the key, where it was written, and the
 * keys there are. Comes before Boot's own analysis of unbound properties, which does not
 * know them.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnknownKeysFailureAnalyzer extends AbstractFailureAnalyzer<UnboundConfigurationPropertiesException> {

	private static final ConfigurationPropertyName RULES = ConfigurationPropertyName.of("permission-manager.rules");

	private static final ConfigurationPropertyName CATALOG = ConfigurationPropertyName.of("permission-manager.catalog");

	// the keys there are, read from the types they bind to, so a new one is listed too
	private static final String RULE_KEYS = keys(RuleDefinition.class);

	private static final String CATALOG_KEYS = keys(PermissionCatalogProperties.CatalogEntry.class);

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, UnboundConfigurationPropertiesException cause) {
		List<ConfigurationProperty> unbound = cause.getUnboundProperties()
			.stream()
			.filter((property) -> RULES.isAncestorOf(property.getName()) || CATALOG.isAncestorOf(property.getName()))
			.toList();
		if (unbound.isEmpty()) {
			return null;
		}
		StringBuilder description = new StringBuilder(
				"Permission Manager does not know these keys, so it would ignore them:");
		boolean rules = false;
		boolean catalog = false;
		for (ConfigurationProperty property : unbound) {
			description.append(System.lineSeparator())
				.append(" - ")
				.append(property.getName())
				.append(" (")
				.append((property.getOrigin() != null) ? property.getOrigin() : "unknown origin")
				.append(")");
			rules |= RULES.isAncestorOf(property.getName());
			catalog |= CATALOG.isAncestorOf(property.getName());
		}
		StringBuilder action = new StringBuilder("Correct or remove each key:");
		if (rules) {
			action.append(System.lineSeparator()).append(" - the keys of a rule are ").append(RULE_KEYS);
		}
		if (catalog) {
			action.append(System.lineSeparator()).append(" - the keys of a catalog entry are ").append(CATALOG_KEYS);
		}
		return new FailureAnalysis(description.toString(), action.toString(), cause);
	}

	private static String keys(Class<?> type) {
		return Arrays.stream(BeanUtils.getPropertyDescriptors(type))
			.filter((descriptor) -> descriptor.getWriteMethod() != null)
			.map((descriptor) -> DataObjectPropertyName.toDashedForm(descriptor.getName()))
			.collect(Collectors.joining(", "));
	}

}
