package io.github.permissionmanager.diagnostics;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.permissionmanager.InvalidConnectionsException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Explains an {@link InvalidConnectionsException}: every problem of the connection
 * catalog and the {@code @RequiresConnections} annotations, and for each kind of problem
 * what to write instead. Ahead of the analyzer of the rules, which would otherwise answer
 * for it (it is an {@code InvalidPermissionRulesException}).
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class InvalidConnectionsFailureAnalyzer extends AbstractFailureAnalyzer<InvalidConnectionsException> {

	// a fragment of a problem, and what to do about every problem that has it
	private static final List<Map.Entry<String, String>> ACTIONS = List.of(
			Map.entry("names preset '",
					"Name one of the presets listed, or leave preset out and describe the provider under "
							+ "spring.security.oauth2.client.provider.<registration>."),
			Map.entry("which does not exist (spring.security.oauth2.client.registration.",
					"Declare the client registration (spring.security.oauth2.client.registration.<id>.client-id and "
							+ "client-secret, with a preset or a provider), or name an existing one with registration:."),
			Map.entry("does not request",
					"Add the scope to the registration's scope list, or remove it from the catalog entry or the "
							+ "annotation."),
			Map.entry("whose grant type is", "Set authorization-grant-type: authorization_code on the registration."),
			Map.entry("is the OAuth2 login callback",
					"Set the registration's redirect-uri to {baseUrl}/oauth2/connected/{registrationId} and register "
							+ "that URI at the provider."),
			Map.entry("which permission-manager.connections.catalog does not have",
					"Add an entry under permission-manager.connections.catalog.<name> (preset:, registration: or "
							+ "type: api-key), or correct the name on the annotation."),
			Map.entry("without a key-name",
					"Give the API key a key-name (the header, query parameter or body field), and a key-location "
							+ "when it is not a header."),
			Map.entry("an API key has none", "Remove the scopes from API-key connections."),
			Map.entry("preset and scopes are for OAuth2", "Remove preset and scopes from API-key connections."),
			Map.entry("without a connection", "Name at least one connection in required or optional."),
			Map.entry("is private, static or final",
					"Make the method public or package-private, and neither final nor static, so Spring can proxy "
							+ "it."),
			Map.entry("is not proxied by Permission Manager",
					"Let Spring create the bean as an ordinary bean (not a ready-made instance, not one a "
							+ "BeanPostProcessor needs)."),
			Map.entry("guards servlet (blocking) methods only",
					"Guard a blocking method, or check Connections#isAvailable in the reactive pipeline yourself."),
			Map.entry("stored in the application's DataSource",
					"Give the application a DataSource (spring-boot-starter-jdbc and a database), or drop the API-key "
							+ "connection."),
			Map.entry("spring-security-oauth2-client is not on the classpath",
					"Add spring-boot-starter-security-oauth2-client to the application."));

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidConnectionsException cause) {
		Set<String> actions = new LinkedHashSet<>();
		for (String problem : cause.getProblems()) {
			for (Map.Entry<String, String> entry : ACTIONS) {
				if (problem.contains(entry.getKey())) {
					actions.add(entry.getValue());
				}
			}
		}
		StringBuilder text = new StringBuilder("Correct the @RequiresConnections annotations, the "
				+ "permission-manager.connections.catalog entries and the client registrations named above:");
		actions.forEach((action) -> text.append(System.lineSeparator()).append(" - ").append(action));
		return new FailureAnalysis(cause.getMessage(), text.toString(), cause);
	}

}
