package io.github.permissionmanager.autoconfigure;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.GrantSource;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.PermissionRequest;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.remote.RemotePermissionEvaluator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The remote evaluator's settings checked at start: a bulk size that could hold no check,
 * no connection allowed, Apache HttpClient 5 required where it is missing, or a local
 * decision source (a permissions claim, static grants, a grant source) that would grant
 * nothing stops the start naming the key.
 */
class PermissionPdpClientAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PermissionPdpClientAutoConfiguration.class,
				PermissionManagerAutoConfiguration.class))
		.withPropertyValues("permission-manager.pdp.url=http://127.0.0.1:9/pdp");

	@Test
	void theDefaultBulkSizeIsTheDecisionPointsDefaultLimit() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(RemotePermissionEvaluator.class);
			assertThat(context.getBean(PermissionPdpProperties.class).getClient().getBulkSize())
				.isEqualTo(new PermissionPdpProperties().getMaxChecks());
		});
	}

	@Test
	void aBulkSizeBelowOneStopsTheStart() {
		for (String size : new String[] { "0", "-5" }) {
			this.contextRunner.withPropertyValues("permission-manager.pdp.client.bulk-size=" + size)
				.run((context) -> assertThat(context).hasFailed()
					.getFailure()
					.rootCause()
					.hasMessageContaining("permission-manager.pdp.client.bulk-size must be positive"));
		}
	}

	@Test
	void withoutApacheHttpClientTheJdkClientAsksUnlessApacheIsRequired() {
		FilteredClassLoader withoutApache = new FilteredClassLoader("org.apache.hc.client5");
		this.contextRunner.withClassLoader(withoutApache)
			.run((context) -> assertThat(context).hasSingleBean(RemotePermissionEvaluator.class));
		this.contextRunner.withClassLoader(withoutApache)
			.withPropertyValues("permission-manager.pdp.client.transport=apache")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("permission-manager.pdp.client.transport=apache needs Apache HttpClient 5"));
		this.contextRunner.withPropertyValues("permission-manager.pdp.client.transport=jdk")
			.run((context) -> assertThat(context).hasSingleBean(RemotePermissionEvaluator.class));
	}

	@Test
	void aPermissionsClaimStopsTheStartInsteadOfFailingEveryCheckOfAUserWhoCarriesIt() {
		this.contextRunner.withPropertyValues("permission-manager.jwt.permissions-claim=permissions")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageStartingWith("permission-manager.pdp.url decides every check at the decision point, so"
						+ " these local decision sources would grant nothing: permission-manager.jwt.permissions-claim"
						+ " ('permissions'): the decision point never takes permissions from a caller")
				.hasMessageEndingWith("Give their permissions as grants at the decision point and remove them here,"
						+ " or decide locally without permission-manager.pdp.url"));
		this.contextRunner.withPropertyValues("permission-manager.jwt.permissions-claim=")
			.run((context) -> assertThat(context).hasSingleBean(RemotePermissionEvaluator.class));
	}

	@Test
	void staticGrantsAndGrantSourcesStopTheStartEachNamed() {
		GrantSource ldap = new GrantSource() {

			@Override
			public String name() {
				return "ldap";
			}

			@Override
			public Collection<Grant> grants(String user, Set<String> groups) {
				return List.of(Grant.of(Grantee.user(user), "doc:read"));
			}

		};
		this.contextRunner
			.withPropertyValues("permission-manager.static-grants[0].user=admin",
					"permission-manager.static-grants[0].permission=*")
			.withBean(GrantSource.class, () -> ldap)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining(
						"would grant nothing: permission-manager.static-grants (1); the GrantSource bean 'ldap'."));
	}

	@Test
	void maxConnectionsBelowOneStopsTheStart() {
		this.contextRunner.withPropertyValues("permission-manager.pdp.client.max-connections=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("permission-manager.pdp.client.max-connections must be positive"));
	}

	@Test
	void closingTheContextClosesApacheHttpClientsConnectionPool() {
		PermissionRequest check = new PermissionRequest(Subject.of("bob"), "doc:read", null, PermissionContext.empty());
		RemotePermissionEvaluator[] evaluator = new RemotePermissionEvaluator[1];
		this.contextRunner.run((context) -> {
			evaluator[0] = context.getBean(RemotePermissionEvaluator.class);
			// nothing listens there: refused, not shut down
			assertThatException().isThrownBy(() -> evaluator[0].evaluate(check))
				.withStackTraceContaining("Connection refused");
		});
		assertThatException().isThrownBy(() -> evaluator[0].evaluate(check)).withStackTraceContaining("shut down");
	}

}
