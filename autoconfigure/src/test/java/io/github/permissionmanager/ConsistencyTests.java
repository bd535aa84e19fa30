package io.github.permissionmanager;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Consistency tokens as text, and a {@link PermissionManager} that cannot honour a
 * consistency requirement denying (or, for object lists, refusing) instead of ignoring
 * it.
 */
class ConsistencyTests {

	@Test
	void tokenTravelsAsTextAndComesBackEqual() {
		ConsistencyToken token = new ConsistencyToken(42);
		assertThat(token.value()).isEqualTo("pm1.42");
		assertThat(ConsistencyToken.parse("pm1.42")).isEqualTo(token);
		assertThat(ConsistencyToken.parse(new ConsistencyToken(Long.MAX_VALUE).value()).position())
			.isEqualTo(Long.MAX_VALUE);
		assertThat(token.max(new ConsistencyToken(7))).isSameAs(token);
	}

	@Test
	void textThatIsNotATokenIsRefusedWithoutEchoingAllOfIt() {
		for (String text : new String[] { "", "pm1.", "pm1.-1", "pm1.1e3", "pm2.42", "42", "pm1.42 ", "pm1.٤٢",
				"pm1.99999999999999999999" }) {
			assertThatIllegalArgumentException().as(text)
				.isThrownBy(() -> ConsistencyToken.parse(text))
				.withMessageStartingWith("Not a consistency token");
		}
		assertThatIllegalArgumentException().isThrownBy(() -> ConsistencyToken.parse("pm1." + "9".repeat(5000)))
			.withMessageEndingWith("...'");
	}

	@Test
	void managerThatCannotHonourAConsistencyRequirementDenies() {
		PermissionManager allowsEverything = new PermissionManager() {

			@Override
			public Decision explain(Subject subject, String permission, @Nullable Resource resource) {
				return Decision.allow("everything");
			}

			@Override
			public Set<String> objectIds(Subject subject, String permission, String resourceType,
					@Nullable String tenant) {
				return Set.of();
			}

		};
		assertThat(allowsEverything.check("bob", "doc:read", Resource.of("doc", 1))).isTrue();
		assertThat(allowsEverything.check("bob", "doc:read", Resource.of("doc", 1), Consistency.full())).isFalse();
		assertThat(allowsEverything.check("bob", "doc:read", Resource.of("doc", 1),
				Consistency.atLeast(new ConsistencyToken(1))))
			.isFalse();
		assertThatExceptionOfType(PermissionEvaluationException.class)
			.isThrownBy(
					() -> allowsEverything.objectIds(Subject.of("bob"), "doc:read", "doc", null, Consistency.full()))
			.withMessage("this PermissionManager cannot honour a consistency requirement (full)");
	}

}
