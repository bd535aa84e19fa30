package io.github.permissionmanager.autoconfigure;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;

import io.github.permissionmanager.GrantSource;
import io.github.permissionmanager.PermissionManager;
import io.github.permissionmanager.SubjectResolver;
import io.github.permissionmanager.caller.CurrentCaller;
import io.github.permissionmanager.caller.CurrentSubject;
import io.github.permissionmanager.decide.DecisionService;
import io.github.permissionmanager.decide.DefaultPermissionManager;
import io.github.permissionmanager.remote.PdpClient;
import io.github.permissionmanager.remote.RemotePermissionEvaluator;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;

/**
 * The remote evaluator ({@code permission-manager.pdp.url}): every check of this
 * application (annotations, request rules, {@code hasPermission},
 * {@link PermissionManager}) is asked of a decision point over HTTP/1.1 with keep-alive
 * (through Apache HttpClient 5 when it is on the classpath, the JDK's client otherwise),
 * within connect and read timeouts, with the application's API key or OAuth2 client
 * credentials, through a small local decision cache. Before the core and the store, whose
 * evaluator and manager back off; the application has no grant store of its own then.
 */
@AutoConfiguration(before = { PermissionManagerAutoConfiguration.class, PermissionStoreAutoConfiguration.class })
@ConditionalOnBooleanProperty(name = "permission-manager.enabled", matchIfMissing = true)
@ConditionalOnProperty("permission-manager.pdp.url")
@EnableConfigurationProperties({ PermissionPdpProperties.class, PermissionSourcesProperties.class })
public final class PermissionPdpClientAutoConfiguration {

	private static final String APACHE_HTTP_CLIENT = "org.apache.hc.client5.http.impl.classic.HttpClients";

	private static final String MISSING = "permission-manager.pdp.url needs Spring's RestClient and Jackson 3 to ask"
			+ " the decision point: add spring-boot-starter-webmvc (or spring-web and jackson-databind)";

	/**
	 * The client, when Spring's {@code RestClient} and Jackson are there.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ RestClient.class, JsonMapper.class })
	static class RemoteEvaluatorConfiguration {

		// Not @ConditionalOnMissingBean: an evaluator of the application's own besides
		// the remote one is two answers to one question, and the start says so
		@Bean
		RemotePermissionEvaluator permissionRemoteEvaluator(PermissionPdpProperties pdp,
				PermissionSourcesProperties sources, ObjectProvider<GrantSource> grantSources,
				ObjectProvider<RestClient.Builder> builders,
				ObjectProvider<ClientHttpRequestInterceptor> permissionPdpClientAuthorization,
				ResourceLoader resourceLoader) {
			requireNoLocalSources(sources, grantSources);
			PermissionPdpProperties.Client client = pdp.getClient();
			String url = url(pdp);
			ClientHttpRequestFactory requests = requestFactory(client, resourceLoader.getClassLoader());
			RestClient.Builder rest = builders.getIfAvailable(RestClient::builder)
				.baseUrl(url.endsWith("/") ? url : url + "/")
				.requestFactory(requests);
			if (client.getApiKey() != null) {
				rest.defaultHeader(pdp.getApiKeyHeader(), client.getApiKey());
			}
			ClientHttpRequestInterceptor authorization = permissionPdpClientAuthorization.getIfAvailable();
			if (client.getRegistrationId() != null) {
				if (authorization == null) {
					throw new IllegalStateException("permission-manager.pdp.client.registration-id needs Spring"
							+ " Security's OAuth2 client (spring-boot-starter-security-oauth2-client) and a client"
							+ " registration of that id");
				}
				rest.requestInterceptor(authorization);
			}
			if (client.getBulkSize() <= 0) {
				throw new IllegalStateException("permission-manager.pdp.client.bulk-size must be positive, not "
						+ client.getBulkSize() + ": it is how many checks one request to the decision point holds");
			}
			// the evaluator's close() (inferred as its destroy method) closes a pool of
			// connections of its own
			AutoCloseable transport = (requests instanceof AutoCloseable closeable) ? closeable
					: (requests instanceof DisposableBean disposable) ? disposable::destroy : null;
			return new RemotePermissionEvaluator(new PdpClient(rest.build(), client.getBulkSize(), transport),
					client.getCacheTtl(), client.getCacheMaximumSize());
		}

		@Bean
		PermissionManager permissionManager(DecisionService permissionDecisionService,
				RemotePermissionEvaluator permissionRemoteEvaluator, CurrentCaller caller,
				ObjectProvider<SubjectResolver> subjectResolver) {
			// the manager of a local store, its consistency requirements and object lists
			// answered by the decision point
			return new DefaultPermissionManager(permissionDecisionService, permissionRemoteEvaluator,
					new CurrentSubject(caller, subjectResolver::getObject));
		}

		private static ClientHttpRequestFactory requestFactory(PermissionPdpProperties.Client client,
				@Nullable ClassLoader classLoader) {
			boolean apache = ClassUtils.isPresent(APACHE_HTTP_CLIENT, classLoader);
			if (client.getTransport() == PermissionPdpProperties.Transport.APACHE && !apache) {
				throw new IllegalStateException(
						"permission-manager.pdp.client.transport=apache needs Apache HttpClient 5"
								+ " on the classpath: add org.apache.httpcomponents.client5:httpclient5, or set auto or jdk");
			}
			if (client.getMaxConnections() < 1) {
				throw new IllegalStateException("permission-manager.pdp.client.max-connections must be positive, not "
						+ client.getMaxConnections());
			}
			if (apache && client.getTransport() != PermissionPdpProperties.Transport.JDK) {
				return PdpApacheHttpClient.requestFactory(client.getConnectTimeout(), client.getReadTimeout(),
						client.getMaxConnections());
			}
			HttpClient http = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(client.getConnectTimeout())
				.build();
			JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
			requests.setReadTimeout(client.getReadTimeout());
			return requests;
		}

		// The decision point decides every check from its own sources: a local source
		// would grant nothing, and the claim is worse: the user's token carries it as an
		// attribute, which a decision point reading the same claim refuses, so every
		// check of such a user would fail at request time
		private static void requireNoLocalSources(PermissionSourcesProperties sources,
				ObjectProvider<GrantSource> grantSources) {
			List<String> problems = new ArrayList<>();
			if (StringUtils.hasText(sources.getJwt().getPermissionsClaim())) {
				problems.add("permission-manager.jwt.permissions-claim ('" + sources.getJwt().getPermissionsClaim()
						+ "'): the decision point never takes permissions from a caller, and one that reads the"
						+ " same claim refuses a user who carries it");
			}
			if (!sources.getStaticGrants().isEmpty()) {
				problems.add("permission-manager.static-grants (" + sources.getStaticGrants().size() + ")");
			}
			grantSources.orderedStream()
				.forEach((source) -> problems.add("the GrantSource bean '" + source.name() + "'"));
			if (!problems.isEmpty()) {
				throw new IllegalStateException("permission-manager.pdp.url decides every check at the decision point,"
						+ " so these local decision sources would grant nothing: " + String.join("; ", problems)
						+ ". Give their permissions as grants at the decision point and remove them here, or decide"
						+ " locally without permission-manager.pdp.url");
			}
		}

		private static String url(PermissionPdpProperties pdp) {
			String url = String.valueOf(pdp.getUrl());
			URI uri;
			try {
				uri = URI.create(url);
			}
			catch (IllegalArgumentException ex) {
				uri = null;
			}
			if (uri == null || uri.getHost() == null
					|| !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
				throw new IllegalStateException("permission-manager.pdp.url must be the http(s) URL of a decision"
						+ " point with its base path (e.g. http://pdp:8080/pdp), not '" + url + "'");
			}
			return url;
		}

	}

	/**
	 * The application's OAuth2 client credentials (Spring Security's OAuth2 client) on
	 * every request to the decision point; the token is fetched again once refused or
	 * expired.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(OAuth2ClientHttpRequestInterceptor.class)
	@ConditionalOnProperty("permission-manager.pdp.client.registration-id")
	static class ClientCredentialsConfiguration {

		@Bean
		ClientHttpRequestInterceptor permissionPdpClientAuthorization(PermissionPdpProperties pdp,
				ClientRegistrationRepository registrations, OAuth2AuthorizedClientService clients) {
			String registrationId = String.valueOf(pdp.getClient().getRegistrationId());
			if (registrations.findByRegistrationId(registrationId) == null) {
				throw new IllegalStateException("permission-manager.pdp.client.registration-id names '" + registrationId
						+ "', which is not a client registration" + " (spring.security.oauth2.client.registration."
						+ registrationId + ".*)");
			}
			AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
					registrations, clients);
			manager.setAuthorizedClientProvider(
					OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
			OAuth2ClientHttpRequestInterceptor interceptor = new OAuth2ClientHttpRequestInterceptor(manager);
			interceptor.setClientRegistrationIdResolver((request) -> registrationId);
			// the application itself is the client, whoever the current user is
			Authentication application = new AnonymousAuthenticationToken("permission-manager-pdp-client",
					"permission-manager-pdp-client", AuthorityUtils.createAuthorityList("ROLE_PDP_CLIENT"));
			interceptor.setPrincipalResolver((request) -> application);
			return interceptor;
		}

	}

	/**
	 * Without {@code RestClient} the decision point cannot be asked: the start says so
	 * instead of denying every check.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("org.springframework.web.client.RestClient")
	static class MissingRestClientConfiguration {

		@Bean
		Object permissionRemoteEvaluatorNeedsRestClient() {
			throw new IllegalStateException(MISSING);
		}

	}

	/**
	 * Without Jackson the decision point's answers cannot be read: the start says so.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("tools.jackson.databind.json.JsonMapper")
	static class MissingJacksonConfiguration {

		@Bean
		Object permissionRemoteEvaluatorNeedsJackson() {
			throw new IllegalStateException(MISSING);
		}

	}

}
