package io.github.permissionmanager.decide;

import java.util.List;
import java.util.Map;
import java.util.Random;

import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import org.junit.jupiter.api.Test;

import org.springframework.expression.Expression;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The form of a condition read without SpEL answers as SpEL does, on random inputs:
 * attributes of every type or missing, persisted ones under just-in-time ones, built-in
 * names over attributes, with and without a resource; and conditions of other shapes have
 * no such form.
 */
class FastConditionTests {

	private static final List<String> FAST = List.of("resource.status == 'draft'", "'draft' == resource.status",
			"resource['status'] != 'draft'", "#resource.status == 'draft'", "!(subject.location == 'England')",
			"resource.status == 'draft' or subject.location != 'England'",
			"resource.status == 'draft' and resource.level == '3'", "!resource.status == 'x' or true == false",
			"resource.id == '7'", "resource.tenant == 't1'", "resource.type == 'doc'", "subject.id == 'bob'",
			"subject.groups == 'eng'", "context.event_id == '7'",
			"resource.status != 'final' and !(#subject.id != 'bob')",
			"subject['id'] == 'bob' or resource['id'] == '7' or resource.flag == 'true'");

	private static final List<String> SPEL_ONLY = List.of("true", "resource.level > 2", "resource.flag",
			"subject.department == resource.department", "resource.title.length() > 3", "resource?.status == 'x'",
			"resourceSets['drafts']", "resource.status == 3", "resource[subject.key] == 'x'");

	private static final List<Object> VALUES = List.of("draft", "final", "England", "3", 3, 3L, 7, "7", "t1", "bob",
			"eng", true, false, "true", new StringBuilder("draft"), List.of("eng"), Map.of("a", 1), 3.0);

	private final GrantConditions conditions = new GrantConditions();

	@Test
	void theFormWithoutSpelAnswersAsSpelOnRandomInputs() {
		Random random = new Random(20261205L);
		int held = 0;
		for (String text : FAST) {
			Expression expression = this.conditions.parsed(text);
			FastCondition fast = FastCondition.of(expression);
			if (text.startsWith("!resource.status == 'x'")) {
				// the not applies to a text: SpEL's error, so no form
				assertThat(fast).as(text).isNull();
				continue;
			}
			assertThat(fast).as(text).isNotNull();
			for (int i = 0; i < 3000; i++) {
				ConditionInput input = randomInput(random);
				boolean spel = GrantConditions.holds(expression, input);
				assertThat(fast.evaluate(input) == FastCondition.TRUE).as("%s on %s", text, input).isEqualTo(spel);
				held += spel ? 1 : 0;
			}
		}
		assertThat(held).isGreaterThan(3000);
	}

	@Test
	void conditionsOfOtherShapesHaveNoFormWithoutSpel() {
		for (String text : SPEL_ONLY) {
			assertThat(FastCondition.of(this.conditions.parsed(text))).as(text).isNull();
		}
	}

	private static ConditionInput randomInput(Random random) {
		Subject subject = Subject.of(random.nextBoolean() ? "bob" : "ann");
		if (random.nextBoolean()) {
			subject = subject.withGroups("eng");
		}
		subject = withAttributes(random, subject, List.of("location", "department", "id", "groups"));
		Resource resource = null;
		if (random.nextInt(5) > 0) {
			resource = random.nextBoolean() ? Resource.of(random.nextBoolean() ? "doc" : "event", random.nextInt(9))
					: Resource.ofType("doc");
			if (random.nextBoolean()) {
				resource = resource.withTenant(random.nextBoolean() ? "t1" : "t2");
			}
			for (String name : List.of("status", "level", "flag", "id", "tenant", "type")) {
				if (random.nextInt(3) == 0) {
					resource = resource.withAttribute(name, pick(random));
				}
			}
		}
		Map<String, Object> persistedSubject = random.nextBoolean() ? Map.of() : Map.of("location", pick(random));
		Map<String, Object> persistedResource = (random.nextBoolean() || resource == null) ? Map.of()
				: Map.of("status", pick(random), "level", pick(random));
		PermissionContext.Builder context = PermissionContext.builder();
		if (random.nextBoolean()) {
			context.value("event_id", pick(random));
		}
		return ConditionInput.of(subject, resource, context.build(), persistedSubject, persistedResource,
				PolicySets.NONE);
	}

	private static Subject withAttributes(Random random, Subject subject, List<String> names) {
		Subject result = subject;
		for (String name : names) {
			if (random.nextInt(3) == 0) {
				result = result.withAttribute(name, pick(random));
			}
		}
		return result;
	}

	private static Object pick(Random random) {
		return VALUES.get(random.nextInt(VALUES.size()));
	}

}
