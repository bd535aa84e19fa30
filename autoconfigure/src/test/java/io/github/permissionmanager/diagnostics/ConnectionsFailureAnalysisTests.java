package io.github.permissionmanager.diagnostics;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.github.permissionmanager.Connection;
import io.github.permissionmanager.RequiresConnections;
import io.github.permissionmanager.autoconfigure.PermissionConnectionsAutoConfiguration;
import io.github.permissionmanager.autoconfigure.PermissionManagerAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Spring Boot prints when the connections cannot work: every problem, and what to
 * write instead for each kind, from the connections' own analyzer rather than the rules'.
 */
class ConnectionsFailureAnalysisTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PermissionManagerAutoConfiguration.class,
				PermissionConnectionsAutoConfiguration.class, OAuth2ClientAutoConfiguration.class))
		.withPropertyValues(
				"permission-manager.connections.encryption-key=" + Base64.getEncoder().encodeToString(new byte[32]));

	@Test
	void everyProblemIsDescribedWithWhatToWriteInstead() {
		this.runner
			.withPropertyValues("permission-manager.connections.catalog.drive.preset=google-drvie",
					"permission-manager.connections.catalog.weather.type=api-key")
			.withBean(Publisher.class)
			.run((context) -> {
				FailureAnalysis analysis = new InvalidConnectionsFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).startsWith("Permission Manager found 4 problems in connections:")
					.contains("Connection 'drive' names preset 'google-drvie'")
					.contains(Publisher.class.getName() + "#publish requires connection 'calendar'");
				assertThat(analysis.getAction())
					.startsWith("Correct the @RequiresConnections annotations, the permission-manager.connections"
							+ ".catalog entries and the client registrations named above:")
					.contains("Name one of the presets listed")
					.contains("Declare the client registration")
					.contains("Give the API key a key-name")
					.contains("Add an entry under permission-manager.connections.catalog.<name>");
			});
	}

	@Test
	void theConnectionsAnalyzerAnswersBeforeTheRulesOne() {
		List<FailureAnalyzer> analyzers = new ArrayList<>(SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, FailureHandler.handleMessage((message, failure) -> {
			})));
		AnnotationAwareOrderComparator.sort(analyzers);
		int connections = indexOf(analyzers, InvalidConnectionsFailureAnalyzer.class);
		int rules = indexOf(analyzers, InvalidPermissionRulesFailureAnalyzer.class);
		assertThat(connections).isNotNegative().isLessThan(rules);
	}

	private static int indexOf(List<FailureAnalyzer> analyzers, Class<?> type) {
		for (int i = 0; i < analyzers.size(); i++) {
			if (type.isInstance(analyzers.get(i))) {
				return i;
			}
		}
		return -1;
	}

	static class Publisher {

		@RequiresConnections(required = @Connection("calendar"))
		public void publish() {
		}

	}

}
