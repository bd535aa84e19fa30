package io.github.permissionmanager.enforcetest;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.permissionmanager.Decision;
import io.github.permissionmanager.PermissionEvaluator;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.SubjectResolver;
import io.github.permissionmanager.TenantResolver;
import io.github.permissionmanager.enforce.AuthenticationSubjectResolver;
import io.github.permissionmanager.resolve.JpaModelQueries;
import io.github.permissionmanager.resolve.ModelQueries;
import io.github.permissionmanager.resolve.ModelQuery;
import io.github.permissionmanager.web.PermissionProblems;
import jakarta.persistence.EntityManagerFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.ProblemDetail;

/**
 * Every collaborator of the enforcement path, each able to fail on demand through
 * {@link Faults}: the subject resolver, the tenant resolver, the model lookups, the
 * evaluator, SpEL (through a subject attribute whose method fails) and the problem
 * builder.
 */
@TestConfiguration(proxyBeanMethods = false)
class FaultyCollaborators {

	@Bean
	Faults faults() {
		return new Faults();
	}

	@Bean
	SubjectResolver faultySubjectResolver(Faults faults) {
		AuthenticationSubjectResolver real = new AuthenticationSubjectResolver(true, "GROUP_");
		return (authentication) -> {
			faults.maybeFail("subject");
			Subject subject = real.resolve(authentication);
			return subject.withAttribute("probe", faults.new Probe());
		};
	}

	@Bean
	TenantResolver faultyTenantResolver(Faults faults) {
		return (subject, context) -> {
			faults.maybeFail("tenant");
			return context.pathVariables().get("tenant");
		};
	}

	@Bean
	ModelQueries faultyModelQueries(EntityManagerFactory entityManagerFactory, Faults faults) {
		JpaModelQueries real = new JpaModelQueries(entityManagerFactory, Duration.ofSeconds(5));
		return new ModelQueries() {

			@Override
			public ModelQuery plan(String model, List<String> fetchKeys, @Nullable String keyAttribute) {
				return real.plan(model, fetchKeys, keyAttribute);
			}

			@Override
			public List<@Nullable Object> find(ModelQuery query, Object key) {
				faults.maybeFail("model");
				return real.find(query, key);
			}

		};
	}

	@Bean
	@Primary
	PermissionEvaluator faultyEvaluator(MapPermissionEvaluator real, Faults faults) {
		return (request) -> {
			faults.maybeFail("evaluator");
			Decision decision = real.evaluate(request);
			return decision;
		};
	}

	@Bean
	PermissionProblems faultyProblems(Faults faults) {
		return new PermissionProblems(Map.of()) {

			@Override
			public @Nullable ProblemDetail problemFor(Exception ex) {
				faults.maybeFail("problems");
				return super.problemFor(ex);
			}

		};
	}

}
