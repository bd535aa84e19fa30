package io.github.permissionmanager.autoconfigure;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code permission-manager.connections.catalog} has at least one entry.
 */
class ConnectionsCatalogCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Map<String, Object> catalog = Binder.get(context.getEnvironment())
			.bind("permission-manager.connections.catalog", Bindable.mapOf(String.class, Object.class))
			.orElse(Map.of());
		return catalog.isEmpty() ? ConditionOutcome.noMatch("permission-manager.connections.catalog is empty")
				: ConditionOutcome.match("permission-manager.connections.catalog has " + catalog.keySet());
	}

}
