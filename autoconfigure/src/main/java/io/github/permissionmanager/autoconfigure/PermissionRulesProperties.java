package io.github.permissionmanager.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.permissionmanager.enforce.RuleDefinition;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Named rules ({@code permission-manager.rules}), read by the enforcement
 * auto-configuration. Each rule binds directly into the {@link RuleDefinition} the rule
 * parser reads.
 */
@ConfigurationProperties("permission-manager")
public class PermissionRulesProperties {

	/**
	 * Named rules, referenced by @RequiresPermissions(rule = "..."). Keys of a rule:
	 * permissions, logical, fetch, fetch-as, model, fetch-key-url, fetch-key-model,
	 * resource, methods, leave-if, check and optional; any other key stops the start.
	 */
	private Map<String, RuleDefinition> rules = new LinkedHashMap<>();

	public Map<String, RuleDefinition> getRules() {
		return this.rules;
	}

	public void setRules(Map<String, RuleDefinition> rules) {
		this.rules = rules;
	}

}
