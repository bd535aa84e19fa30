package io.github.permissionmanager.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.permissionmanager.Decision;
import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionGrants;
import io.github.permissionmanager.PermissionManager;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.ResourceAttributesResolver;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.SubjectAttributesResolver;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Persisted attributes for grant conditions: a {@link SubjectAttributesResolver} and a
 * {@link ResourceAttributesResolver} bean are asked only when a conditional grant could
 * allow a check, and the attributes the check carries override theirs (Permit's
 * just-in-time attributes); a resolver that fails never allows.
 */
class AttributesResolverTests {

	private static final String APPROVED = "resource.hasApproval == 'true' and subject.department == 'Engineering'";

	private final AtomicInteger subjectCalls = new AtomicInteger();

	private final AtomicInteger resourceCalls = new AtomicInteger();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, PermissionStoreAutoConfiguration.class,
				PermissionManagerAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true")
		.withBean(SubjectAttributesResolver.class, () -> (subject) -> {
			this.subjectCalls.incrementAndGet();
			return subject.id().equals("broken") ? failing() : Map.of("department", "Sales", "location", "England");
		})
		.withBean(ResourceAttributesResolver.class, () -> (resource) -> {
			this.resourceCalls.incrementAndGet();
			return Map.of("hasApproval", "7".equals(resource.id()) ? "true" : "false");
		});

	private static Map<String, Object> failing() {
		throw new IllegalStateException("the user directory is down");
	}

	@Test
	void persistedAttributesAreReadAndJustInTimeOnesOverrideThem() {
		this.contextRunner.run((context) -> {
			context.getBean(PermissionGrants.class)
				.grant(Grant.of(Grantee.user("john"), "document:read").on("document").when(APPROVED));
			PermissionManager permissions = context.getBean(PermissionManager.class);
			Subject john = Subject.of("john");
			Subject engineer = john.withAttribute("department", "Engineering");
			// persisted: john is in Sales, document 7 is approved, document 8 is not
			assertThat(permissions.check(john, "document:read", Resource.of("document", 7))).isFalse();
			assertThat(permissions.check(engineer, "document:read", Resource.of("document", 7))).isTrue();
			assertThat(permissions.check(engineer, "document:read", Resource.of("document", 8))).isFalse();
			assertThat(permissions.check(engineer, "document:read",
					Resource.of("document", 8).withAttribute("hasApproval", "true")))
				.isTrue();
			assertThat(permissions.check(engineer, "document:read",
					Resource.of("document", 7).withAttribute("hasApproval", "false")))
				.isFalse();
		});
	}

	@Test
	void resolversAreNotAskedWhenNoConditionalGrantCouldAllow() {
		this.contextRunner.run((context) -> {
			context.getBean(PermissionGrants.class)
				.grantAll(List.of(Grant.of(Grantee.user("john"), "document:read").on("document"),
						Grant.of(Grantee.user("john"), "document:update").on("document").when(APPROVED)));
			PermissionManager permissions = context.getBean(PermissionManager.class);
			assertThat(permissions.check("john", "document:read", Resource.of("document", 7))).isTrue();
			assertThat(permissions.check("john", "folder:read", Resource.of("folder", 7))).isFalse();
			assertThat(permissions.check("john", "document:update", Resource.of("folder", 7))).isFalse();
			assertThat(this.subjectCalls).hasValue(0);
			assertThat(this.resourceCalls).hasValue(0);
			assertThat(permissions.check("john", "document:update", Resource.of("document", 7))).isFalse();
			assertThat(this.subjectCalls).hasValue(1);
			assertThat(this.resourceCalls).hasValue(1);
		});
	}

	@Test
	void aResolverThatFailsNeverAllowsAndExplainSaysTheEvaluationFailed() {
		this.contextRunner.run((context) -> {
			context.getBean(PermissionGrants.class)
				.grant(Grant.of(Grantee.user("broken"), "document:read").on("document").when("true"));
			PermissionManager permissions = context.getBean(PermissionManager.class);
			assertThat(permissions.check("broken", "document:read", Resource.of("document", 7))).isFalse();
			Decision explained = permissions.explain("broken", "document:read", Resource.of("document", 7));
			assertThat(explained.allowed()).isFalse();
			assertThat(explained.reason()).isEqualTo("evaluation failed: IllegalStateException");
		});
	}

}
