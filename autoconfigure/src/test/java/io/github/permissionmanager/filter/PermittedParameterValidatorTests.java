package io.github.permissionmanager.filter;

import java.lang.reflect.Method;
import java.util.List;
import java.util.function.Function;

import io.github.permissionmanager.InvalidPermissionRulesException;
import io.github.permissionmanager.Permitted;
import io.github.permissionmanager.filtertest.Doc;
import io.github.permissionmanager.filtertest.FilterTestApplication;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.ManagedType;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every way a {@code @Permitted} parameter could fail to filter is a startup problem
 * naming the parameter: the wrong type, no entity, no permission, resources and paths
 * that do not pair up, a path or tenant path the entity lacks, and no
 * {@code PermissionFilters} at all.
 */
class PermittedParameterValidatorTests {

	private static ConfigurableApplicationContext context;

	private static Function<Class<?>, @Nullable ManagedType<?>> entities;

	@BeforeAll
	static void start() {
		context = FilterTestApplication.start("jdbc:h2:mem:permitted-validator-tests;DB_CLOSE_DELAY=-1", "sa", "pvt_");
		EntityManagerFactory factory = context.getBean(EntityManagerFactory.class);
		entities = (type) -> (type == Doc.class) ? factory.getMetamodel().managedType(type) : null;
	}

	@AfterAll
	static void stop() {
		context.close();
	}

	private static List<String> problems(String method) {
		return PermittedParameterValidator.problems(parameter(method), entities);
	}

	private static MethodParameter parameter(String name) {
		Method method = ReflectionUtils.findMethod(Handlers.class, name, (Class<?>[]) null);
		assertThat(method).as(name).isNotNull();
		return new MethodParameter(method, 0);
	}

	@Test
	void aParameterThatCanFilterHasNoProblem() {
		assertThat(problems("good")).isEmpty();
		assertThat(problems("twoResourcesAndTheirTenant")).isEmpty();
	}

	@Test
	void eachWayAParameterCannotFilterIsNamed() {
		String prefix = Handlers.class.getName() + ".";
		assertThat(problems("notASpecification")).containsExactly(prefix
				+ "notASpecification parameter 0: @Permitted goes on a Specification<Entity> parameter, not on java.lang.String");
		assertThat(problems("noPermission"))
			.containsExactly(prefix + "noPermission parameter 0: @Permitted needs a permission");
		assertThat(problems("unpaired")).containsExactly(prefix
				+ "unpaired parameter 0: @Permitted needs as many paths as resources, at least one (2 resources, 1 paths)");
		assertThat(problems("emptyPath"))
			.containsExactly(prefix + "emptyPath parameter 0: @Permitted has an empty resource or path");
		assertThat(problems("notAnEntity")).singleElement()
			.asString()
			.endsWith("@Permitted needs a Specification of a JPA entity, not "
					+ "org.springframework.data.jpa.domain.Specification<java.lang.String>");
		assertThat(problems("rawSpecification")).singleElement()
			.asString()
			.contains("@Permitted needs a Specification of a JPA entity");
		assertThat(problems("misspelledPath"))
			.containsExactly(prefix + "misspelledPath parameter 0: A permission filter on "
					+ "folder cannot use attribute path 'fodler' of " + Doc.class.getName()
					+ ": there is no attribute 'fodler'");
		assertThat(problems("misspelledTenant")).singleElement().asString().endsWith("there is no attribute 'tennant'");
	}

	@Test
	void theValidatorRefusesToStartAndListsEveryProblem() throws Exception {
		RequestMappingHandlerMapping mapping = new RequestMappingHandlerMapping();
		Handlers handlers = new Handlers();
		mapping.registerMapping(RequestMappingInfo.paths("/good").build(), handlers,
				Handlers.class.getDeclaredMethod("good", Specification.class));
		mapping.registerMapping(RequestMappingInfo.paths("/bad").build(), handlers,
				Handlers.class.getDeclaredMethod("misspelledPath", Specification.class));
		assertThatExceptionOfType(InvalidPermissionRulesException.class)
			.isThrownBy(() -> new PermittedParameterValidator(() -> mapping.getHandlerMethods().values(), entities,
					() -> true)
				.afterSingletonsInstantiated())
			.satisfies((ex) -> assertThat(ex.getProblems()).singleElement().asString().contains("misspelledPath"));
		assertThatExceptionOfType(InvalidPermissionRulesException.class)
			.isThrownBy(() -> new PermittedParameterValidator(() -> mapping.getHandlerMethods().values(), entities,
					() -> false)
				.afterSingletonsInstantiated())
			.satisfies((ex) -> assertThat(ex.getProblems()).anySatisfy((problem) -> assertThat(problem)
				.startsWith(Handlers.class.getName() + ".good parameter 0: @Permitted needs PermissionFilters, which "
						+ "need Spring Data JPA and the grant store")));
		RequestMappingHandlerMapping fine = new RequestMappingHandlerMapping();
		fine.registerMapping(RequestMappingInfo.paths("/good").build(), handlers,
				Handlers.class.getDeclaredMethod("good", Specification.class));
		new PermittedParameterValidator(() -> fine.getHandlerMethods().values(), entities, () -> true)
			.afterSingletonsInstantiated();
		assertThatExceptionOfType(InvalidPermissionRulesException.class)
			.isThrownBy(() -> PermittedParameterValidator.reactive(() -> fine.getHandlerMethods().values())
				.afterSingletonsInstantiated())
			.satisfies((ex) -> assertThat(ex.getProblems()).containsExactly(Handlers.class.getName()
					+ ".good parameter 0: @Permitted is not supported in a WebFlux application; call PermissionFilters "
					+ "from the (blocking) code that queries JPA"));
	}

	@SuppressWarnings({ "unused", "rawtypes" })
	static class Handlers {

		void good(@Permitted(value = "doc:read", resource = "doc", path = "id") Specification<Doc> readable) {
		}

		void twoResourcesAndTheirTenant(@Permitted(value = "doc:read", resource = { "doc", "folder" },
				path = { "id", "folder.id" }, tenantOf = "tenant") Specification<Doc> readable) {
		}

		void notASpecification(@Permitted(value = "doc:read", resource = "doc", path = "id") String readable) {
		}

		void noPermission(@Permitted(value = " ", resource = "doc", path = "id") Specification<Doc> readable) {
		}

		void unpaired(@Permitted(value = "doc:read", resource = { "doc", "folder" },
				path = "id") Specification<Doc> readable) {
		}

		void emptyPath(@Permitted(value = "doc:read", resource = "doc", path = "") Specification<Doc> readable) {
		}

		void notAnEntity(@Permitted(value = "doc:read", resource = "doc", path = "id") Specification<String> readable) {
		}

		void rawSpecification(@Permitted(value = "doc:read", resource = "doc", path = "id") Specification readable) {
		}

		void misspelledPath(
				@Permitted(value = "doc:read", resource = "folder", path = "fodler") Specification<Doc> readable) {
		}

		void misspelledTenant(@Permitted(value = "doc:read", resource = "doc", path = "id",
				tenantOf = "tennant") Specification<Doc> readable) {
		}

	}

}
