package io.github.permissionmanager.console;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Writes the console's guard as a named rule,
 * {@code permission-manager.rules.}{@value #RULE}, whose one permission is
 * {@code permission-manager.console.permission}: the console's controllers carry
 * {@code @RequiresPermissions(rule = "permissions-console")}, so the permission stays
 * configurable while the check is the product's own (startup validation, catalog, problem
 * responses). The rule is added only when the console is enabled, and last, so an
 * application that writes the rule itself wins.
 */
public class ConsoleRuleEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** The name of the rule guarding every console page. */
	public static final String RULE = "permissions-console";

	/** The name of the property source holding the rule. */
	public static final String PROPERTY_SOURCE = "permissionManagerConsoleRule";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getProperty("permission-manager.console.enabled", Boolean.class, false)) {
			return;
		}
		String permission = environment.getProperty("permission-manager.console.permission",
				PermissionConsoleProperties.DEFAULT_PERMISSION);
		environment.getPropertySources()
			.addLast(new MapPropertySource(PROPERTY_SOURCE,
					Map.of("permission-manager.rules." + RULE + ".permissions[0]", permission)));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
