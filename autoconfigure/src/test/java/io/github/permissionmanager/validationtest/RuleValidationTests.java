package io.github.permissionmanager.validationtest;

import io.github.permissionmanager.autoconfigure.PermissionEnforcementAutoConfiguration;
import io.github.permissionmanager.autoconfigure.PermissionManagerAutoConfiguration;
import io.github.permissionmanager.InvalidPermissionRulesException;
import io.github.permissionmanager.enforcetest.Session;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Startup validation: every problem is found when the context starts, and the application
 * refuses to start with one message listing them all.
 */
class RuleValidationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(PermissionManagerAutoConfiguration.class, PermissionEnforcementAutoConfiguration.class));

	private final ApplicationContextRunner jpaRunner = this.runner
		.withConfiguration(
				AutoConfigurations.of(DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class))
		.withUserConfiguration(Entities.class)
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:validation;DB_CLOSE_DELAY=-1",
				"spring.jpa.hibernate.ddl-auto=none");

	@Test
	void validRulesStart() {
		this.runner.withBean(GuardedBeans.Valid.class)
			.withBean(GuardedBeans.PathVariableKey.class)
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void unknownRuleRefusesToStart() {
		this.runner.withBean(GuardedBeans.UnknownRule.class)
			.run((context) -> assertThat(failure(context))
				.contains("GuardedBeans$UnknownRule#read: unknown rule 'nope'"));
	}

	@Test
	void beanDeclaredAsAnInterfaceIsValidatedByItsRealClass() {
		this.runner.withBean("archiver", GuardedBeans.Archiver.class, GuardedBeans.UnknownRuleBehindAnInterface::new)
			.run((context) -> assertThat(failure(context))
				.contains("UnknownRuleBehindAnInterface#archive: unknown rule 'missing'"));
	}

	@Test
	void neitherValueNorRuleRefusesToStart() {
		this.runner.withBean(GuardedBeans.NeitherValueNorRule.class)
			.run((context) -> assertThat(failure(context))
				.contains("NeitherValueNorRule#read: neither value nor rule is set"));
	}

	@Test
	void badSpelRefusesToStart() {
		this.runner.withBean(GuardedBeans.BadSpel.class)
			.run((context) -> assertThat(failure(context)).contains("BadSpel#read: bad SpEL in check '#eventId >'"));
	}

	@Test
	void leaveIfThatReadsNothingOfTheCallRefusesToStart() {
		this.runner.withBean(GuardedBeans.ConstantLeaveIf.class)
			.run((context) -> assertThat(failure(context)).contains("ConstantLeaveIf#read: SpEL in leaveIf "
					+ "'1 == 1 or 'a' > 'b'' reads nothing of the call, so it always gives the same answer"));
		this.runner.withBean(GuardedBeans.LeaveIfReadingTheCall.class)
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void typeReferenceInSpelRefusesToStart() {
		this.runner.withBean(GuardedBeans.TypeReferenceInSpel.class)
			.run((context) -> assertThat(failure(context)).contains(
					"TypeReferenceInSpel#read: SpEL in leaveIf 'T(java.lang.Runtime).getRuntime() != null' uses a type reference"));
	}

	@Test
	void beanReferenceInSpelRefusesToStart() {
		this.runner.withBean(GuardedBeans.BeanReferenceInSpel.class)
			.run((context) -> assertThat(failure(context)).contains(
					"BeanReferenceInSpel#read: SpEL in check '@permissionEnforcer != null' uses a bean reference"));
	}

	@Test
	void finalMethodRefusesToStart() {
		this.runner.withBean(GuardedBeans.FinalMethod.class)
			.run((context) -> assertThat(failure(context))
				.contains("FinalMethod#read: the method is final, so it cannot be advised and would run unchecked"));
	}

	@Test
	void privateMethodRefusesToStart() {
		this.runner.withBean(GuardedBeans.PrivateMethod.class)
			.run((context) -> assertThat(failure(context)).contains(
					"PrivateMethod#read: the method is private, so it cannot be advised and would run unchecked"));
	}

	@Test
	void publicFinalMethodOfAGuardedTypeRefusesToStart() {
		this.runner.withBean(GuardedBeans.TypeLevelWithFinalMethod.class)
			.run((context) -> assertThat(failure(context)).contains(
					"TypeLevelWithFinalMethod#write: the method is final, so its type's @RequiresPermissions cannot apply")
				.doesNotContain("TypeLevelWithFinalMethod#read"));
	}

	@Test
	void keyNoSourceCanProvideRefusesToStart() {
		this.runner.withBean(GuardedBeans.UnprovidableKey.class)
			.run((context) -> assertThat(failure(context))
				.contains("UnprovidableKey#read: no source can provide fetch [event_id]"));
	}

	@Test
	void unknownHttpMethodRefusesToStart() {
		this.runner.withBean(GuardedBeans.UnknownHttpMethod.class)
			.run((context) -> assertThat(failure(context))
				.contains("UnknownHttpMethod#read: unknown HTTP method 'FETCH' in methods"));
	}

	@Test
	void unknownLogicalInARuleRefusesToStart() {
		this.runner
			.withPropertyValues("permission-manager.rules.odd.permissions=event:read",
					"permission-manager.rules.odd.logical=SOME")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("permission-manager.rules.odd.logical"));
	}

	@Test
	void modelWithoutJpaRefusesToStart() {
		this.runner.withBean(GuardedBeans.ModelLookup.class)
			.run((context) -> assertThat(failure(context)).contains("ModelLookup#update: model ["
					+ Session.class.getName() + "] needs JPA, but there is no EntityManagerFactory"));
	}

	@Test
	void modelWithJpaStarts() {
		this.jpaRunner.withBean(GuardedBeans.ModelLookup.class)
			.withBean(GuardedBeans.PropertyPath.class)
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void unknownEntityRefusesToStart() {
		this.jpaRunner.withBean(GuardedBeans.UnknownEntity.class)
			.withPropertyValues("permission-manager.rules.unknown-entity.permissions=session:update",
					"permission-manager.rules.unknown-entity.fetch=event_id",
					"permission-manager.rules.unknown-entity.model=Talk")
			.run((context) -> assertThat(failure(context)).contains("UnknownEntity#update: unknown entity 'Talk'"));
	}

	@Test
	void attributeMissingOnTheEntityRefusesToStart() {
		this.jpaRunner.withBean(GuardedBeans.MissingAttribute.class)
			.run((context) -> assertThat(failure(context)).contains(
					"MissingAttribute#update: entity Session has no attribute, association or path venue_id, venueId, venue.id"));
	}

	@Test
	void keyAttributeMissingOnTheEntityRefusesToStart() {
		this.jpaRunner.withBean(GuardedBeans.MissingKeyAttribute.class)
			.run((context) -> assertThat(failure(context))
				.contains("MissingKeyAttribute#update: entity Session has no attribute 'slug' for fetch-key-model"));
	}

	@Test
	void propertyPathMissingOnTheEntityRefusesToStart() {
		this.jpaRunner.withBean(GuardedBeans.BrokenPropertyPath.class)
			.run((context) -> assertThat(failure(context)).contains(
					"BrokenPropertyPath#read: entity Comment has no attribute, association or path card.owner.id"));
	}

	@Test
	void lookupKeyNoSourceCanProvideRefusesToStart() {
		this.jpaRunner.withBean(GuardedBeans.UnprovidableLookupKey.class)
			.run((context) -> assertThat(failure(context)).contains(
					"UnprovidableLookupKey#update: no source can provide fetch [event_id]",
					"no model's fetch-key-url can be provided [session_id]"));
	}

	@Test
	void methodsFilterExcludingEveryVerbOfTheMappingRefusesToStart() {
		this.runner.withBean(GuardedBeans.MethodsExcludingTheMapping.class)
			.run((context) -> assertThat(failure(context))
				.contains("MethodsExcludingTheMapping#update: methods [PATCH, DELETE]"
						+ " excludes every HTTP method the handler is mapped to [PUT], so the check would never apply"));
	}

	@Test
	void ruleMethodsFilterExcludingEveryVerbOfTheMappingRefusesToStart() {
		this.runner.withBean(GuardedBeans.RuleMethodsExcludingTheMapping.class)
			.withPropertyValues("permission-manager.rules.patch-only.fetch=id",
					"permission-manager.rules.patch-only.resource=session",
					"permission-manager.rules.patch-only.methods=PATCH,DELETE")
			.run((context) -> assertThat(failure(context))
				.contains("RuleMethodsExcludingTheMapping#update: methods [PATCH, DELETE]"
						+ " excludes every HTTP method the handler is mapped to [PUT]"));
	}

	@Test
	void methodsFilterOverlappingTheMappingStarts() {
		this.runner.withBean(GuardedBeans.MethodsOverlappingTheMapping.class)
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void ruleThatWouldWeakenTheAnnotationsLogicalRefusesToStart() {
		this.runner.withBean(GuardedBeans.AnyRuleUnderAllAnnotation.class)
			.withBean(GuardedBeans.AnyRuleWithoutOwnPermissions.class)
			.withPropertyValues("permission-manager.rules.any-of-two.permissions=event:read,event:update",
					"permission-manager.rules.any-of-two.logical=ANY",
					"permission-manager.rules.any-of-two.fetch=eventId")
			.run((context) -> assertThat(failure(context)).contains(
					"AnyRuleUnderAllAnnotation#read: rule 'any-of-two' says logical ANY, but the annotation reads ALL",
					"AnyRuleWithoutOwnPermissions#read: rule 'any-of-two' says logical ANY, but the annotation reads ALL"));
	}

	@Test
	void ruleLogicalAnyAcceptedOnTheAnnotationStarts() {
		this.runner.withBean(GuardedBeans.AnyRuleAcceptedByTheAnnotation.class)
			.withPropertyValues("permission-manager.rules.any-of-two.permissions=event:read,event:update",
					"permission-manager.rules.any-of-two.logical=ANY",
					"permission-manager.rules.any-of-two.fetch=eventId")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void malformedPermissionsRefuseToStart() {
		this.runner.withBean(GuardedBeans.MalformedPermissions.class)
			.run((context) -> assertThat(failure(context)).contains(
					"MalformedPermissions#read: value has a malformed permission 'event::read'", "'event:read,,update'",
					"'event:read,'", "optional has a malformed permission 'a:,b'"));
	}

	@Test
	void malformedPermissionInAnUnusedYamlRuleRefusesToStart() {
		this.runner.withBean(GuardedBeans.Valid.class)
			.withPropertyValues("permission-manager.rules.broken.permissions[0]=event:read,",
					"permission-manager.rules.broken.optional=x::y")
			.run((context) -> assertThat(failure(context)).contains(
					"rule 'broken': permissions has a malformed permission",
					"rule 'broken': optional has a malformed permission 'x::y'"));
	}

	@Test
	void spelVariableNoSourceCanProvideRefusesToStart() {
		this.runner.withBean(GuardedBeans.UnknownSpelVariable.class)
			.run((context) -> assertThat(failure(context)).contains(
					"UnknownSpelVariable#read: SpEL in check '#eventId > 0 and #nope == 1' uses #nope, which no source provides"));
	}

	@Test
	void spelVariableNamingAnArgumentStarts() {
		this.runner.withBean(GuardedBeans.ArgumentAsSpelVariable.class)
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void keyNamingTwoArgumentsRefusesToStart() {
		this.runner.withBean(GuardedBeans.TwoArgumentsOneName.class)
			.run((context) -> assertThat(failure(context)).contains(
					"TwoArgumentsOneName#read: fetch 'event_id' names several arguments of the method",
					"TwoArgumentsOneName#read: SpEL variable 'eventId' names several arguments of the method"));
	}

	@Test
	void keyNamingAMatrixVariableOrHeaderArgumentStarts() {
		this.runner.withBean(GuardedBeans.ArgumentsBoundFromMatrixAndHeader.class)
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void everyProblemIsListedInOneMessage() {
		this.runner.withBean(GuardedBeans.UnknownRule.class)
			.withBean(GuardedBeans.BadSpel.class)
			.withBean(GuardedBeans.FinalMethod.class)
			.withBean(GuardedBeans.Valid.class)
			.run((context) -> assertThat(failure(context))
				.startsWith("Permission Manager found 3 problems in @RequiresPermissions rules:")
				.contains("UnknownRule#read", "BadSpel#read", "FinalMethod#read")
				.doesNotContain("Valid#read"));
	}

	private static String failure(org.springframework.boot.test.context.assertj.AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		Throwable failure = context.getStartupFailure();
		while (failure != null && !(failure instanceof InvalidPermissionRulesException)) {
			failure = failure.getCause();
		}
		assertThat(failure).as("an InvalidPermissionRulesException").isNotNull();
		return failure.getMessage();
	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = Session.class)
	static class Entities {

	}

}
