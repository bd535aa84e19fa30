package io.github.permissionmanager.autoconfigure;

import javax.sql.DataSource;

import io.github.permissionmanager.Decision;
import io.github.permissionmanager.PermissionEvaluationException;
import io.github.permissionmanager.PermissionEvaluator;
import io.github.permissionmanager.PermissionFilters;
import io.github.permissionmanager.Permitted;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.filter.DefaultPermissionFilters;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.criteria.CriteriaBuilder;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.orm.jpa.EntityManagerFactoryInfo;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

/**
 * The filters' auto-configuration: a {@link PermissionFilters} bean with Spring Data JPA
 * and the grant store, none without either, and backing off for the application's own.
 */
class PermissionFilterAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, PermissionStoreAutoConfiguration.class,
				PermissionManagerAutoConfiguration.class, PermissionEnforcementAutoConfiguration.class,
				PermissionFilterAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true");

	@Test
	void withSpringDataJpaAndTheStoreTheFiltersAreCreated() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(PermissionFilters.class)
			.getBean(PermissionFilters.class)
			.isInstanceOf(DefaultPermissionFilters.class));
	}

	@Test
	void withoutSpringDataJpaThereAreNoFilters() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Specification.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(PermissionFilters.class));
	}

	@Test
	void withoutAGrantStoreThereAreNoFilters() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(PermissionManagerAutoConfiguration.class,
					PermissionEnforcementAutoConfiguration.class, PermissionFilterAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(PermissionFilters.class));
	}

	@Test
	void whenDisabledThereAreNoFilters() {
		this.contextRunner.withPropertyValues("permission-manager.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PermissionFilters.class));
	}

	@Test
	void filtersOfTheApplicationReplaceTheDefaultOnes() {
		PermissionFilters own = mock(PermissionFilters.class);
		this.contextRunner.withBean(PermissionFilters.class, () -> own)
			.run((context) -> assertThat(context).getBean(PermissionFilters.class).isSameAs(own));
	}

	@Test
	void maxObjectIdsIsBoundFromItsProperty() {
		this.contextRunner.withPropertyValues("permission-manager.filter.max-object-ids=3")
			.run((context) -> assertThat(context.getBean(PermissionFilterProperties.class).getMaxObjectIds())
				.isEqualTo(3));
	}

	@Test
	void aWebFluxHandlerWithAPermittedParameterStopsTheStart() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(WebFluxAutoConfiguration.class, PermissionFilterAutoConfiguration.class))
			.withUserConfiguration(ReactiveSessions.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("@Permitted is not supported in a WebFlux application"));
	}

	@RestController
	static class ReactiveSessions {

		@GetMapping("/sessions")
		Flux<String> sessions(
				@Permitted(value = "session:read", resource = "event", path = "event") Specification<Object> readable) {
			return Flux.empty();
		}

	}

	@Test
	void aNegativeMaxObjectIdsStopsTheStart() {
		this.contextRunner.withPropertyValues("permission-manager.filter.max-object-ids=-1")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("maxObjectIds cannot be negative"));
	}

	@Test
	void theGrantTableIsQueriedOnlyWithTheEntitiesOfAFactoryBuiltOnTheStoresDataSource() {
		DataSource store = mock(DataSource.class);
		CriteriaBuilder sameBuilder = mock(CriteriaBuilder.class);
		CriteriaBuilder otherBuilder = mock(CriteriaBuilder.class);
		CriteriaBuilder plainBuilder = mock(CriteriaBuilder.class);
		EntityManagerFactory same = factory(sameBuilder, store);
		EntityManagerFactory other = factory(otherBuilder, mock(DataSource.class));
		EntityManagerFactory plain = mock(EntityManagerFactory.class);
		given(plain.getCriteriaBuilder()).willReturn(plainBuilder);
		EntityManagerFactory closed = mock(EntityManagerFactory.class);
		given(closed.getCriteriaBuilder()).willThrow(new IllegalStateException("closed"));
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		beans.registerSingleton("closed", closed);
		beans.registerSingleton("same", same);
		beans.registerSingleton("other", other);
		beans.registerSingleton("plain", plain);
		PermissionFilterAutoConfiguration.SharedDatabase shared = new PermissionFilterAutoConfiguration.SharedDatabase(
				beans.getBeanProvider(EntityManagerFactory.class), () -> store);
		assertThat(shared.test(sameBuilder)).isTrue();
		assertThat(shared.test(otherBuilder)).as("another DataSource").isFalse();
		assertThat(shared.test(plainBuilder)).as("a factory that does not say its DataSource").isFalse();
		assertThat(shared.test(mock(CriteriaBuilder.class))).as("no factory of the application").isFalse();
	}

	private static EntityManagerFactory factory(CriteriaBuilder builder, DataSource dataSource) {
		EntityManagerFactory factory = mock(EntityManagerFactory.class,
				withSettings().extraInterfaces(EntityManagerFactoryInfo.class));
		given(factory.getCriteriaBuilder()).willReturn(builder);
		given(((EntityManagerFactoryInfo) factory).getDataSource()).willReturn(dataSource);
		return factory;
	}

	@Test
	void withAnEvaluatorOfTheApplicationEveryFilterIsRefusedRatherThanGuessed() {
		// The filters compile the store's grants; another evaluator's decisions could
		// differ
		this.contextRunner.withBean(PermissionEvaluator.class, () -> (request) -> Decision.allow("everything"))
			.run((context) -> {
				PermissionFilters filters = context.getBean(PermissionFilters.class);
				assertThatExceptionOfType(PermissionEvaluationException.class)
					.isThrownBy(() -> filters.permitted(Subject.of("bob"), "doc:read").sql("doc", "id"))
					.withMessageContaining("its decisions cannot be turned into a query");
			});
	}

}
