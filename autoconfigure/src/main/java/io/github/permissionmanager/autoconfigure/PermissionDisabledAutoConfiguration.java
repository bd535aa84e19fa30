package io.github.permissionmanager.autoconfigure;

import io.github.permissionmanager.enforce.DisabledGuardsWarning;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;

/**
 * What remains of Permission Manager when {@code permission-manager.enabled=false}: a
 * warning at startup naming how many guarded methods run unchecked.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "permission-manager.enabled", havingValue = false)
public final class PermissionDisabledAutoConfiguration {

	@Bean
	static DisabledGuardsWarning permissionDisabledGuardsWarning(ConfigurableListableBeanFactory beanFactory) {
		return new DisabledGuardsWarning(beanFactory);
	}

}
