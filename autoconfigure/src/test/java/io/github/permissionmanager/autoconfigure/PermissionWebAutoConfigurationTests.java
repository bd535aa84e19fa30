package io.github.permissionmanager.autoconfigure;

import java.util.List;
import java.util.Map;

import io.github.permissionmanager.web.CatalogMessage;
import io.github.permissionmanager.web.PermissionContextArgumentResolver;
import io.github.permissionmanager.web.PermissionProblemExceptionResolver;
import io.github.permissionmanager.web.PermissionProblems;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web auto-configuration: problem responses and the context argument in a servlet
 * application only, each backing off, and the master switch.
 */
class PermissionWebAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PermissionManagerAutoConfiguration.class,
				PermissionEnforcementAutoConfiguration.class, PermissionWebAutoConfiguration.class));

	@Test
	void providesProblemResponsesAndTheContextArgumentInAServletApplication() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(PermissionProblems.class)
			.hasSingleBean(PermissionProblemExceptionResolver.class)
			.hasSingleBean(PermissionContextArgumentResolver.class));
	}

	@Test
	void everyCatalogKeyReachesTheCatalogEntry() {
		this.runner
			.withPropertyValues("permission-manager.catalog.report.user-message=Ask an organizer.",
					"permission-manager.catalog.report.resolution-steps=Step one,Step two",
					"permission-manager.catalog.report.support-contact=help@example.org",
					"permission-manager.catalog.report.description=Read the monthly report",
					"permission-manager.catalog.report.data-management=Reports name no user",
					"permission-manager.catalog.report.usage=Shown on the dashboard",
					"permission-manager.catalog.report.technical-detail=needs report:read")
			.run((context) -> assertThat(context.getBean(PermissionProblems.class).catalogEntry("report"))
				.isEqualTo(new CatalogMessage("Ask an organizer.", List.of("Step one", "Step two"), "help@example.org",
						"Read the monthly report", "Reports name no user", "Shown on the dashboard",
						"needs report:read")));
	}

	@Test
	void providesNothingOutsideAWebApplication() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PermissionWebAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(PermissionProblemExceptionResolver.class));
	}

	@Test
	void disabledProvidesNothing() {
		this.runner.withPropertyValues("permission-manager.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PermissionProblems.class)
				.doesNotHaveBean(PermissionProblemExceptionResolver.class)
				.doesNotHaveBean(PermissionContextArgumentResolver.class));
	}

	@Test
	void problemsBackOff() {
		PermissionProblems mine = new PermissionProblems(Map.of());
		this.runner.withBean("mine", PermissionProblems.class, () -> mine)
			.run((context) -> assertThat(context).getBean(PermissionProblems.class).isSameAs(mine));
	}

	@Test
	void exceptionResolverBacksOff() {
		PermissionProblemExceptionResolver mine = new PermissionProblemExceptionResolver(
				new PermissionProblems(Map.of()));
		this.runner.withBean("mine", PermissionProblemExceptionResolver.class, () -> mine)
			.run((context) -> assertThat(context).getBean(PermissionProblemExceptionResolver.class).isSameAs(mine));
	}

	@Test
	void argumentResolverBacksOff() {
		PermissionContextArgumentResolver mine = new PermissionContextArgumentResolver();
		this.runner.withBean("mine", PermissionContextArgumentResolver.class, () -> mine)
			.run((context) -> assertThat(context).getBean(PermissionContextArgumentResolver.class).isSameAs(mine));
	}

}
