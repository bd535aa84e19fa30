package io.github.permissionmanager.autoconfigure;

import java.time.Clock;

import io.github.permissionmanager.SubjectResolver;
import io.github.permissionmanager.caller.CurrentCaller;
import io.github.permissionmanager.decide.DecisionService;
import io.github.permissionmanager.decide.GrantSnapshotCache;
import io.github.permissionmanager.decide.Roles;
import io.github.permissionmanager.decide.SubjectGrantsLoader;
import io.github.permissionmanager.pdp.ApiKeyAuthenticationFilter;
import io.github.permissionmanager.pdp.PdpCallers;
import io.github.permissionmanager.pdp.PdpDecisions;
import io.github.permissionmanager.pdp.PdpEndpoints;
import io.github.permissionmanager.pdp.PdpJson;
import io.github.permissionmanager.pdp.PdpProblems;
import io.github.permissionmanager.pdp.PdpUserPermissions;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.util.ClassUtils;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The policy decision point ({@code permission-manager.pdp.enabled=true}): this
 * application's decisions served to other services under
 * {@code permission-manager.pdp.base-path}, behind a Spring Security filter chain of its
 * own that authenticates services (API keys, and bearer JWTs when the application is a
 * resource server) and answers in problems. Ordered after Boot's default filter chains,
 * so an application that relies on them keeps them.
 */
@AutoConfiguration(
		after = { PermissionManagerAutoConfiguration.class, PermissionStoreAutoConfiguration.class,
				PermissionEnforcementAutoConfiguration.class },
		afterName = { "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
				"org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration",
				"org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration",
				"org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration" })
@ConditionalOnBooleanProperty(name = "permission-manager.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty("permission-manager.pdp.enabled")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ RouterFunction.class, JsonMapper.class })
@EnableConfigurationProperties(PermissionPdpProperties.class)
public final class PermissionPdpAutoConfiguration {

	/** The order of the decision point's filter chain: before the application's own. */
	public static final int FILTER_CHAIN_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	private static final String JWT_DECODER = "org.springframework.security.oauth2.jwt.JwtDecoder";

	@Bean
	PdpProblems permissionPdpProblems(PermissionPdpProperties pdp, ListableBeanFactory beans) {
		// the 401s name what this decision point accepts, as its filter chain is built
		// below
		return new PdpProblems(new PdpJson(), pdp.getApiKeys().isEmpty() ? null : pdp.getApiKeyHeader(),
				jwtDecoder(beans) || pdp.getApiKeys().isEmpty());
	}

	private static boolean jwtDecoder(ListableBeanFactory beans) {
		return ClassUtils.isPresent(JWT_DECODER, PermissionPdpAutoConfiguration.class.getClassLoader())
				&& beans.getBeanNamesForType(ClassUtils.resolveClassName(JWT_DECODER, null)).length > 0;
	}

	@Bean
	PdpEndpoints permissionPdpEndpoints(PermissionPdpProperties pdp, PdpProblems permissionPdpProblems,
			DecisionService decisions, ObjectProvider<GrantSnapshotCache> snapshots,
			ObjectProvider<SubjectGrantsLoader> loader, Roles roles, CurrentCaller caller,
			ObjectProvider<SubjectResolver> subjects, ObjectProvider<Clock> clock, Environment environment) {
		validate(pdp);
		return new PdpEndpoints(new PdpJson(), permissionPdpProblems,
				new PdpCallers(caller, subjects::getObject, decisions, permissionPdpProblems.askForCredentials()),
				new PdpDecisions(decisions, snapshots.getIfUnique(), pdp.getMaxChecks(),
						environment.getProperty("permission-manager.jwt.permissions-claim")),
				new PdpUserPermissions(loader.getIfUnique(), roles, clock.getIfUnique(Clock::systemUTC)),
				pdp.getMaxBodySize().toBytes());
	}

	@Bean
	RouterFunction<ServerResponse> permissionPdpRoutes(PdpEndpoints endpoints, PermissionPdpProperties pdp) {
		return endpoints.routes(pdp.getBasePath());
	}

	private static void validate(PermissionPdpProperties pdp) {
		String base = pdp.getBasePath();
		if (!base.startsWith("/") || base.endsWith("/") || base.contains("*") || base.contains("{")) {
			throw new IllegalStateException("permission-manager.pdp.base-path must start with '/', not end with one"
					+ " and hold no pattern (e.g. /pdp), not '" + base + "'");
		}
		if (pdp.getMaxChecks() < 1 || pdp.getMaxBodySize().toBytes() < 1) {
			throw new IllegalStateException(
					"permission-manager.pdp.max-checks and .max-body-size must be positive: a decision point that"
							+ " reads nothing answers nothing");
		}
		if (pdp.getUrl() != null) {
			throw new IllegalStateException("permission-manager.pdp.enabled=true and permission-manager.pdp.url are"
					+ " set together: a decision point decides from its own grant store, so drop one of them");
		}
	}

	/**
	 * The decision point's filter chain: only its paths, stateless, no CSRF (callers are
	 * services sending credentials on each request), services authenticated by an API key
	 * or a bearer JWT, the OpenAPI description public.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ HttpSecurity.class, SecurityFilterChain.class })
	static class PdpSecurityConfiguration {

		@Bean
		@Order(FILTER_CHAIN_ORDER)
		@ConditionalOnMissingBean(name = "permissionPdpSecurityFilterChain")
		SecurityFilterChain permissionPdpSecurityFilterChain(HttpSecurity http, PermissionPdpProperties pdp,
				PdpProblems problems, ObjectProvider<SecurityContextHolderStrategy> strategy,
				ApplicationContext context) throws Exception {
			String base = pdp.getBasePath();
			http.securityMatcher(base + "/**")
				.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.GET, base + "/v1/openapi.yaml")
					.permitAll()
					.anyRequest()
					.authenticated())
				.csrf((csrf) -> csrf.disable())
				.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.requestCache((cache) -> cache.disable())
				.formLogin((form) -> form.disable())
				.httpBasic((basic) -> basic.disable())
				.logout((logout) -> logout.disable())
				.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(problems.entryPoint())
					.accessDeniedHandler(problems.accessDeniedHandler()));
			boolean apiKeys = !pdp.getApiKeys().isEmpty();
			if (apiKeys) {
				SecurityContextHolderStrategy declared = strategy.getIfUnique();
				http.addFilterAfter(new ApiKeyAuthenticationFilter(pdp.getApiKeyHeader(), pdp.getApiKeys(),
						(declared != null) ? () -> declared : SecurityContextHolder::getContextHolderStrategy,
						problems), SecurityContextHolderFilter.class);
			}
			boolean jwt = jwtDecoder(context);
			if (jwt) {
				http.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults())
					.authenticationEntryPoint(problems.entryPoint()));
			}
			if (!apiKeys && !jwt) {
				throw new IllegalStateException("permission-manager.pdp.enabled=true, but no service can authenticate"
						+ " to the decision point: set permission-manager.pdp.api-keys.<caller>=<key>, or make the"
						+ " application a JWT resource server (spring.security.oauth2.resourceserver.jwt.issuer-uri)");
			}
			return http.build();
		}

	}

	/**
	 * Without Spring Security's web support no caller could be authenticated: the start
	 * says so instead of answering 401 to everyone.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("org.springframework.security.config.annotation.web.builders.HttpSecurity")
	static class NoSecurityConfiguration {

		@Bean
		Object permissionPdpNeedsSpringSecurity() {
			throw new IllegalStateException("permission-manager.pdp.enabled=true needs Spring Security's web support"
					+ " to authenticate the services that call it: add spring-boot-starter-security");
		}

	}

}
