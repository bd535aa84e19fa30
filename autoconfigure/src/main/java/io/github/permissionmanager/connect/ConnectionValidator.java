package io.github.permissionmanager.connect;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.permissionmanager.InvalidConnectionsException;
import io.github.permissionmanager.RequiresConnections;
import io.github.permissionmanager.enforce.AnnotatedBeanClasses;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Checks the connection catalog and every {@code @RequiresConnections} of every bean once
 * the singletons exist. When anything cannot work — an unknown preset, a connection that
 * names no client registration, a registration that is not an authorization-code one, a
 * scope the registration does not request, a guarded method that cannot be advised — the
 * application refuses to start with one {@link InvalidConnectionsException} listing every
 * problem.
 */
public final class ConnectionValidator implements SmartInitializingSingleton {

	private static final @Nullable Class<?> PUBLISHER = publisher();

	private static final boolean OAUTH2_CLIENT = ClassUtils.isPresent(
			"org.springframework.security.oauth2.client.registration.ClientRegistration",
			ConnectionValidator.class.getClassLoader());

	private final ConfigurableListableBeanFactory beanFactory;

	private final ConnectionCatalog catalog;

	private final List<String> catalogProblems;

	private final Registrations registrations;

	private final Set<ConnectionDefinition.Kind> supported;

	/**
	 * Create a validator.
	 * @param beanFactory the factory whose beans are scanned
	 * @param catalog the connections
	 * @param catalogProblems what was found wrong while the catalog was read
	 * @param registrations what a client registration requests, or {@code null} when
	 * there is no registration of that id (always, without Spring Security's OAuth2
	 * client)
	 * @param supported the kinds of connection the application can serve
	 */
	public ConnectionValidator(ConfigurableListableBeanFactory beanFactory, ConnectionCatalog catalog,
			List<String> catalogProblems, Registrations registrations, Set<ConnectionDefinition.Kind> supported) {
		Assert.notNull(beanFactory, "beanFactory cannot be null");
		Assert.notNull(catalog, "catalog cannot be null");
		Assert.notNull(catalogProblems, "catalogProblems cannot be null");
		Assert.notNull(registrations, "registrations cannot be null");
		this.beanFactory = beanFactory;
		this.catalog = catalog;
		this.catalogProblems = List.copyOf(catalogProblems);
		this.registrations = registrations;
		this.supported = Set.copyOf(supported);
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<String> problems = new ArrayList<>(this.catalogProblems);
		this.catalog.entries().values().forEach((connection) -> validate(connection, problems));
		Set<Class<?>> guarded = new LinkedHashSet<>();
		for (Class<?> type : AnnotatedBeanClasses.find(this.beanFactory, RequiresConnections.class)) {
			for (Method method : ReflectionUtils.getUniqueDeclaredMethods(type,
					ReflectionUtils.USER_DECLARED_METHODS)) {
				if (validate(type, method, problems)) {
					guarded.add(type);
				}
			}
		}
		AnnotatedBeanClasses.unproxied(this.beanFactory, guarded, (advisor) -> advisor instanceof ConnectionAdvisor)
			.forEach((name, type) -> problems.add("bean '" + name + "' (" + type.getName()
					+ ") has @RequiresConnections methods but is not proxied by Permission Manager, so they would run "
					+ "unchecked: it was created before the auto-proxy creator or registered as a ready-made "
					+ "instance; let Spring create it as an ordinary bean"));
		if (!problems.isEmpty()) {
			throw new InvalidConnectionsException(problems);
		}
	}

	// whether the method is guarded
	private boolean validate(Class<?> type, Method method, List<String> problems) {
		boolean own = AnnotatedElementUtils.hasAnnotation(method, RequiresConnections.class);
		RequiresConnections annotation = ConnectionRules.find(method, type);
		if (annotation == null) {
			return false;
		}
		String where = type.getName() + "#" + method.getName();
		int modifiers = method.getModifiers();
		if (own && (Modifier.isPrivate(modifiers) || Modifier.isStatic(modifiers) || Modifier.isFinal(modifiers))) {
			problems.add(where + " is private, static or final, so @RequiresConnections cannot guard it");
			return true;
		}
		if (PUBLISHER != null && PUBLISHER.isAssignableFrom(method.getReturnType())) {
			// the check reads the caller of the calling thread, which a reactive
			// pipeline does not have: it would refuse everybody, or worse
			problems.add(where + " returns a " + method.getReturnType().getSimpleName()
					+ ": @RequiresConnections guards servlet (blocking) methods only");
			return true;
		}
		ConnectionRules.Rule rule = ConnectionRules.Rule.of(annotation);
		if (rule.required().isEmpty() && rule.optional().isEmpty()) {
			problems.add(where + " has @RequiresConnections without a connection");
		}
		List<ConnectionRequirement> all = new ArrayList<>(rule.required());
		all.addAll(rule.optional());
		for (ConnectionRequirement requirement : all) {
			ConnectionDefinition connection = this.catalog.find(requirement.name());
			if (connection == null) {
				problems.add(where + " requires connection '" + requirement.name()
						+ "', which permission-manager.connections.catalog does not have");
				continue;
			}
			if (connection.kind() == ConnectionDefinition.Kind.API_KEY && !requirement.scopes().isEmpty()) {
				problems.add(where + " asks API-key connection '" + requirement.name() + "' for scopes "
						+ requirement.scopes() + "; an API key has none");
				continue;
			}
			RegistrationInfo registration = (connection.kind() == ConnectionDefinition.Kind.OAUTH2)
					? this.registrations.find(connection.registrationId()) : null;
			if (registration != null) {
				notRequested(requirement.scopes(), registration, where + " (connection '" + requirement.name() + "')",
						connection, problems);
			}
		}
		return true;
	}

	private void validate(ConnectionDefinition connection, List<String> problems) {
		String where = "Connection '" + connection.name() + "'";
		if (connection.kind() == ConnectionDefinition.Kind.API_KEY && !this.supported.contains(connection.kind())) {
			problems.add(where
					+ " is an API key, and API keys are stored in the application's DataSource, which it does not have");
			return;
		}
		if (connection.kind() == ConnectionDefinition.Kind.OAUTH2 && !OAUTH2_CLIENT) {
			problems.add(where + " is an OAuth2 connection, and spring-security-oauth2-client is not on the classpath");
			return;
		}
		if (connection.kind() != ConnectionDefinition.Kind.OAUTH2) {
			return;
		}
		RegistrationInfo registration = this.registrations.find(connection.registrationId());
		if (registration == null) {
			problems.add(where + " names client registration '" + connection.registrationId()
					+ "', which does not exist (spring.security.oauth2.client.registration."
					+ connection.registrationId() + ")");
			return;
		}
		if (!"authorization_code".equals(registration.grantType())) {
			problems.add(where + " uses client registration '" + connection.registrationId() + "', whose grant type is "
					+ registration.grantType() + "; a user's connection needs authorization_code");
		}
		String redirectUri = registration.redirectUri();
		if (redirectUri != null && redirectUri.contains("/login/oauth2/code/")) {
			// Spring Security's login filter answers that path first: the callback would
			// sign the user in as the provider's account instead of connecting it
			problems.add(where + " uses client registration '" + connection.registrationId() + "', whose redirect-uri "
					+ redirectUri + " is the OAuth2 login callback; give it another path, such as "
					+ "{baseUrl}/oauth2/connected/{registrationId}");
		}
		notRequested(connection.scopes(), registration, where, connection, problems);
	}

	private static void notRequested(List<String> scopes, RegistrationInfo registration, String where,
			ConnectionDefinition connection, List<String> problems) {
		List<String> missing = scopes.stream().filter((s) -> !registration.scopes().contains(s)).toList();
		if (!missing.isEmpty()) {
			addOnce(problems,
					where + " needs " + ((missing.size() == 1) ? "scope " : "scopes ") + missing
							+ ", which client registration '" + connection.registrationId()
							+ "' does not request (it requests " + registration.scopes() + ")");
		}
	}

	private static @Nullable Class<?> publisher() {
		try {
			return ClassUtils.forName("org.reactivestreams.Publisher", ConnectionValidator.class.getClassLoader());
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return null;
		}
	}

	private static void addOnce(List<String> problems, String problem) {
		if (!problems.contains(problem)) {
			problems.add(problem);
		}
	}

	/**
	 * Finds what a client registration requests.
	 */
	@FunctionalInterface
	public interface Registrations {

		/**
		 * What a registration requests.
		 * @param registrationId the registration
		 * @return what it requests, or {@code null} when there is no such registration
		 */
		@Nullable RegistrationInfo find(String registrationId);

	}

	/**
	 * What a client registration requests.
	 *
	 * @param scopes the scopes it asks for
	 * @param grantType its authorization grant type
	 * @param redirectUri its redirect URI template, or {@code null}
	 */
	public record RegistrationInfo(Set<String> scopes, String grantType, @Nullable String redirectUri) {

		public RegistrationInfo {
			scopes = Set.copyOf(scopes);
		}

	}

}
