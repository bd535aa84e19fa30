package io.github.permissionmanager.enforce;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.permissionmanager.Logical;
import io.github.permissionmanager.RequiresPermissions;
import io.github.permissionmanager.resolve.ResolutionPlanner;
import org.junit.jupiter.api.Test;

import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.RequestMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Merging an annotation with its named rule: attributes set on the annotation win, the
 * rest come from the rule; a type's annotation guards its public methods unless a method
 * has its own.
 */
class RuleParserTests {

	private final RuleParser parser = new RuleParser(Map.of("review", reviewRule()), new ResolutionPlanner(null));

	private static RuleDefinition reviewRule() {
		RuleDefinition rule = new RuleDefinition();
		rule.setPermissions(List.of("event:review"));
		rule.setLogical(Logical.ANY);
		rule.setFetch(List.of("eventId"));
		rule.setResource("conference");
		rule.setMethods(List.of("PATCH"));
		rule.setCheck("#eventId > 0");
		rule.setOptional(List.of("event:publish"));
		return rule;
	}

	@Test
	void ruleSuppliesWhatTheAnnotationLeavesUnset() {
		PermissionRule rule = parse(Guarded.class, "byRule");
		assertThat(rule.permissions()).containsExactly("event:review");
		assertThat(rule.logical()).isEqualTo(Logical.ANY);
		assertThat(rule.optional()).containsExactly("event:publish");
		assertThat(rule.check().getExpressionString()).isEqualTo("#eventId > 0");
		assertThat(rule.appliesTo("PATCH")).isTrue();
		assertThat(rule.appliesTo("GET")).isFalse();
		assertThat(rule.plan().primaryResourceType()).isEqualTo("conference");
		assertThat(rule.contextArgumentIndex()).isEqualTo(-1);
	}

	@Test
	void annotationAttributesOverrideTheRules() {
		PermissionRule rule = parse(Guarded.class, "overriding");
		assertThat(rule.permissions()).containsExactly("event:update", "event:read");
		assertThat(rule.logical()).isEqualTo(Logical.ANY);
		assertThat(rule.appliesTo("GET")).isTrue();
		assertThat(rule.appliesTo("PATCH")).isFalse();
		assertThat(rule.plan().primaryResourceType()).isEqualTo("event");
	}

	@Test
	void typeAnnotationGuardsEveryNonPrivateMethodAndAMethodsOwnReplacesIt() {
		assertThat(parse(TypeGuarded.class, "list").permissions()).containsExactly("event:list");
		assertThat(parse(TypeGuarded.class, "delete").permissions()).containsExactly("event:delete");
		// package-private handlers are common in Spring MVC: the type's annotation guards
		// them too
		assertThat(parse(TypeGuarded.class, "handler").permissions()).containsExactly("event:list");
		assertThat(this.parser.parse(method(TypeGuarded.class, "helper"), TypeGuarded.class, new ArrayList<>()))
			.isNull();
	}

	@Test
	void methodsFilterOfAMethodThatIsNotAHandlerNeverTurnsTheCheckOff() {
		PermissionRule rule = parse(Guarded.class, "service");
		assertThat(rule.appliesTo("PATCH")).isTrue();
		assertThat(rule.appliesTo("GET")).isTrue();
		assertThat(rule.appliesTo(null)).isTrue();
	}

	@Test
	void contextParameterIsFoundAndIsNotASource() {
		PermissionRule rule = parse(Guarded.class, "withContext");
		assertThat(rule.contextArgumentIndex()).isEqualTo(1);
	}

	private PermissionRule parse(Class<?> type, String name) {
		List<String> problems = new ArrayList<>();
		PermissionRule rule = this.parser.parse(method(type, name), type, problems);
		assertThat(problems).isEmpty();
		assertThat(rule).isNotNull();
		return rule;
	}

	private static Method method(Class<?> type, String name) {
		for (Method method : ReflectionUtils.getUniqueDeclaredMethods(type)) {
			if (method.getName().equals(name)) {
				return method;
			}
		}
		throw new IllegalArgumentException(name);
	}

	static class Guarded {

		@RequestMapping("/events/{eventId}/review")
		@RequiresPermissions(rule = "review")
		public void byRule(long eventId) {
		}

		@RequestMapping("/events/{eventId}/override")
		@RequiresPermissions(value = { "event:update", "event:read" }, logical = Logical.ANY, rule = "review",
				methods = "GET", resource = "event")
		public void overriding(long eventId) {
		}

		@RequiresPermissions(rule = "review")
		public void service(long eventId) {
		}

		@RequiresPermissions(value = "event:read", fetch = "eventId")
		public void withContext(long eventId, io.github.permissionmanager.PermissionContext context) {
		}

	}

	@RequiresPermissions("event:list")
	static class TypeGuarded {

		public void list() {
		}

		@RequiresPermissions("event:delete")
		public void delete() {
		}

		void handler() {
		}

		private void helper() {
		}

	}

}
