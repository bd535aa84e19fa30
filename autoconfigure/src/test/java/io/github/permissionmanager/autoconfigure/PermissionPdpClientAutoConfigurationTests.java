package io.github.permissionmanager.autoconfigure;

import io.github.permissionmanager.remote.RemotePermissionEvaluator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The remote evaluator's settings checked at start: a bulk size that could hold no check
 * stops the start naming the key.
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

}
