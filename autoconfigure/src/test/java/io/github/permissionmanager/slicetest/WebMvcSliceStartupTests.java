package io.github.permissionmanager.slicetest;

import java.util.ArrayList;
import java.util.List;

import io.github.permissionmanager.InvalidPermissionRulesException;
import io.github.permissionmanager.autoconfigure.PermissionEnforcementAutoConfiguration;
import io.github.permissionmanager.autoconfigure.PermissionManagerAutoConfiguration;
import io.github.permissionmanager.autoconfigure.PermissionReactiveAutoConfiguration;
import io.github.permissionmanager.autoconfigure.PermissionWebAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webflux.test.autoconfigure.AutoConfigureWebFlux;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureWebMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the MVC test slice gets from Permission Manager: the auto-configurations that
 * enforce, and a startup failure saying what to add when a rule needs something the slice
 * does not have.
 */
class WebMvcSliceStartupTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(sliceAutoConfigurations()));

	@Test
	void mvcSliceImportsTheEnforcementAndTheProblemResponses() {
		assertThat(candidates(AutoConfigureWebMvc.class)).contains(PermissionManagerAutoConfiguration.class.getName(),
				PermissionEnforcementAutoConfiguration.class.getName(), PermissionWebAutoConfiguration.class.getName());
		assertThat(candidates(AutoConfigureWebFlux.class)).contains(PermissionManagerAutoConfiguration.class.getName(),
				PermissionEnforcementAutoConfiguration.class.getName(),
				PermissionReactiveAutoConfiguration.class.getName());
	}

	@Test
	void ruleWithAModelInASliceWithoutJpaThenStartupSaysWhatToAdd() {
		this.runner.withBean(TaskLookupController.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context).getFailure()
				.isInstanceOf(InvalidPermissionRulesException.class)
				.hasMessageContaining("TaskLookupController#delete")
				.hasMessageContaining("needs JPA, but there is no EntityManagerFactory")
				.hasMessageContaining("add @AutoConfigureDataJpa to the test");
		});
	}

	private static Class<?>[] sliceAutoConfigurations() {
		List<Class<?>> classes = new ArrayList<>();
		classes.add(WebMvcAutoConfiguration.class);
		for (String name : candidates(AutoConfigureWebMvc.class)) {
			if (name.startsWith("io.github.permissionmanager.")) {
				try {
					classes.add(Class.forName(name));
				}
				catch (ClassNotFoundException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		return classes.toArray(Class<?>[]::new);
	}

	private static List<String> candidates(Class<?> annotation) {
		return ImportCandidates.load(annotation, WebMvcSliceStartupTests.class.getClassLoader()).getCandidates();
	}

}
