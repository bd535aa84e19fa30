package io.github.permissionmanager.console;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.permissionmanager.PermissionGrants;
import io.github.permissionmanager.PermissionManager;
import io.github.permissionmanager.actuate.PermissionsEndpoint;
import io.github.permissionmanager.autoconfigure.PermissionCatalogProperties;
import io.github.permissionmanager.autoconfigure.PermissionEnforcementAutoConfiguration;
import io.github.permissionmanager.autoconfigure.PermissionManagerAutoConfiguration;
import io.github.permissionmanager.autoconfigure.PermissionStoreAutoConfiguration;
import io.github.permissionmanager.decide.Roles;
import io.github.permissionmanager.decide.SubjectGrantsLoader;
import io.github.permissionmanager.enforce.RuleRegistry;
import io.github.permissionmanager.store.AuditLog;
import io.github.permissionmanager.store.GranteeDirectory;
import io.github.permissionmanager.web.CatalogMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The admin console ({@code permission-manager.console.enabled=true}, a servlet web
 * application with the local grant store): its controllers under
 * {@code permission-manager.console.path}, each guarded by the rule
 * {@value ConsoleRuleEnvironmentPostProcessor#RULE}, and a Spring Security filter chain
 * of its own for that path (form sign-in, a session, CSRF protection, a strict content
 * security policy), ahead of the application's chains.
 */
@AutoConfiguration(
		after = { PermissionManagerAutoConfiguration.class, PermissionStoreAutoConfiguration.class,
				PermissionEnforcementAutoConfiguration.class },
		afterName = { "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
				"org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration" })
@ConditionalOnBooleanProperty(name = "permission-manager.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty("permission-manager.console.enabled")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ HttpSecurity.class, SecurityFilterChain.class })
@EnableConfigurationProperties(PermissionConsoleProperties.class)
public final class PermissionConsoleAutoConfiguration {

	/** The order of the console's filter chain: before the application's own. */
	public static final int FILTER_CHAIN_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

	@Bean
	ConsoleModel permissionConsoleModel(PermissionConsoleProperties console) {
		validate(console);
		return new ConsoleModel(console.getPath());
	}

	@Bean
	ConsoleRefusalPages permissionConsoleRefusalPages(PermissionConsoleProperties console) {
		return new ConsoleRefusalPages(console.getPath());
	}

	@Bean
	ConsoleAssetsController permissionConsoleAssetsController() {
		return new ConsoleAssetsController();
	}

	@Bean
	GranteesController permissionConsoleGranteesController(ObjectProvider<GranteeDirectory> directory,
			ObjectProvider<PermissionGrants> grants, ObjectProvider<SubjectGrantsLoader> loader, Roles roles,
			ConsoleModel model) {
		return new GranteesController(store(directory), store(grants), store(loader), roles, model);
	}

	@Bean
	ResourcesController permissionConsoleResourcesController(ObjectProvider<PermissionGrants> grants) {
		return new ResourcesController(store(grants));
	}

	@Bean
	ExplainController permissionConsoleExplainController(PermissionManager permissions,
			ObjectProvider<PermissionCatalogProperties> catalog) {
		return new ExplainController(permissions, catalog.getIfAvailable(PermissionCatalogProperties::new));
	}

	@Bean
	AuditController permissionConsoleAuditController(ObjectProvider<AuditLog> audit,
			PermissionConsoleProperties console) {
		return new AuditController(store(audit), console.getPageSize());
	}

	// the Actuator endpoint's description when the application has the endpoint; else the
	// same description from the same sources (the endpoint need not be exposed anywhere
	// for the console to show it)
	@Bean
	RulesController permissionConsoleRulesController(ObjectProvider<PermissionsEndpoint> endpoint,
			RuleRegistry registry, Roles roles, ObjectProvider<PermissionCatalogProperties> catalog,
			PermissionManager permissions) {
		PermissionsEndpoint found = endpoint.getIfUnique();
		if (found != null) {
			return new RulesController(found::permissions);
		}
		Map<String, CatalogMessage> messages = new LinkedHashMap<>();
		catalog.getIfAvailable(PermissionCatalogProperties::new)
			.getCatalog()
			.forEach((permission, entry) -> messages.put(permission, entry.message()));
		PermissionsEndpoint own = new PermissionsEndpoint(registry, roles, messages, permissions);
		return new RulesController(own::permissions);
	}

	// the console reads and changes this application's own grant store; without one (a
	// client of a remote decision point, say) the start says where the console belongs
	private static <T> T store(ObjectProvider<T> bean) {
		T found = bean.getIfUnique();
		if (found == null) {
			throw new IllegalStateException("permission-manager.console.enabled=true needs this application's own"
					+ " grant store (a DataSource and the JDBC store); an application that asks a decision point"
					+ " (permission-manager.pdp.url) has none: enable the console on the decision point instead");
		}
		return found;
	}

	private static void validate(PermissionConsoleProperties console) {
		String path = console.getPath();
		if (!path.startsWith("/") || path.endsWith("/") || path.contains("*") || path.contains("{")
				|| path.contains("?")) {
			throw new IllegalStateException("permission-manager.console.path must start with '/', not end with one"
					+ " and hold no pattern (e.g. /permissions-console), not '" + path + "'");
		}
		if (console.getPermission() == null || console.getPermission().isBlank()) {
			throw new IllegalStateException("permission-manager.console.permission cannot be empty: the console"
					+ " would be open to every signed-in user");
		}
		if (console.getPageSize() < 1 || console.getPageSize() > AuditLog.MAX_PAGE_SIZE) {
			throw new IllegalStateException("permission-manager.console.page-size must be 1 to "
					+ AuditLog.MAX_PAGE_SIZE + ", not " + console.getPageSize());
		}
	}

	/**
	 * The console's filter chain: only its path, a session and CSRF protection for the
	 * forms, form sign-in with the application's users, and a content security policy
	 * that admits nothing but the console's own style sheet.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "permission-manager.console.login-form", matchIfMissing = true)
	static class ConsoleSecurityConfiguration {

		@Bean
		@Order(FILTER_CHAIN_ORDER)
		@ConditionalOnMissingBean(name = "permissionConsoleSecurityFilterChain")
		SecurityFilterChain permissionConsoleSecurityFilterChain(HttpSecurity http, PermissionConsoleProperties console)
				throws Exception {
			String path = console.getPath();
			http.securityMatcher(path, path + "/**")
				.authorizeHttpRequests((requests) -> requests
					.requestMatchers(path + "/login", path + ConsoleAssetsController.STYLE_SHEET)
					.permitAll()
					.anyRequest()
					.authenticated())
				.formLogin((form) -> form.loginPage(path + "/login")
					.loginProcessingUrl(path + "/login")
					.defaultSuccessUrl(path + "/grantees")
					.failureUrl(path + "/login?error"))
				.logout((logout) -> logout.logoutUrl(path + "/logout").logoutSuccessUrl(path + "/login?signed-out"))
				.httpBasic((basic) -> basic.disable())
				.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp
					.policyDirectives("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
							+ "frame-ancestors 'none'; base-uri 'none'")));
			return http.build();
		}

	}

}
