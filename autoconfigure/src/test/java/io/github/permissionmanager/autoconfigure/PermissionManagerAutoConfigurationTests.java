package io.github.permissionmanager.autoconfigure;

import io.github.permissionmanager.Decision;
import io.github.permissionmanager.PermissionEvaluator;
import io.github.permissionmanager.PermissionManager;
import io.github.permissionmanager.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class PermissionManagerAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PermissionManagerAutoConfiguration.class));

	@Test
	void withoutAnyEvaluatorEveryCheckIsDeniedAndAWarningSaysWhy(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			PermissionManager permissions = context.getBean(PermissionManager.class);
			Decision decision = permissions.explain("bob", "event:read", Resource.of("event", 7));
			assertThat(decision.allowed()).isFalse();
			assertThat(decision.reason()).isEqualTo("no PermissionEvaluator is configured");
			assertThat(permissions.check("bob", "event:read")).isFalse();
		});
		assertThat(output).contains("Permission Manager denies every check: no PermissionEvaluator is configured");
	}

	@Test
	void evaluatorOfTheApplicationIsUsedAndNoWarningIsLogged(CapturedOutput output) {
		this.contextRunner.withBean(PermissionEvaluator.class, () -> (request) -> Decision.allow("test evaluator"))
			.run((context) -> assertThat(context.getBean(PermissionManager.class).check("bob", "event:read")).isTrue());
		assertThat(output).doesNotContain("denies every check");
	}

}
