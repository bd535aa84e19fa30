package io.github.permissionmanager.decide;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Role expansion: transitive, with cycles and invalid entries rejected in one message.
 */
class RolesTests {

	@Test
	void rolesExpandTransitively() {
		Roles roles = new Roles(Map.of("coorganizer", List.of("event:read", "session:*"), "organizer",
				List.of("coorganizer", "event:delete"), "owner", List.of("organizer")));

		assertThat(roles.permissionsOf("owner")).extracting(WildcardPermission::toString)
			.containsExactlyInAnyOrder("event:read", "session:*", "event:delete");
		assertThat(roles.rolesIncludedIn("owner")).containsExactlyInAnyOrder("owner", "organizer", "coorganizer");
		assertThat(roles.isRole("organizer")).isTrue();
		assertThat(roles.isRole("event:read")).isFalse();
		assertThat(roles.permissionsOf("event:read")).isEmpty();
	}

	@Test
	void diamondIsNotACycle() {
		Roles roles = new Roles(
				Map.of("a", List.of("b", "c"), "b", List.of("d"), "c", List.of("d"), "d", List.of("x:read")));

		assertThat(roles.permissionsOf("a")).extracting(WildcardPermission::toString).containsExactly("x:read");
	}

	@Test
	void cyclesAreRejectedWithEveryProblemInOneMessage() {
		Map<String, List<String>> definitions = new LinkedHashMap<>();
		definitions.put("organizer", List.of("coorganizer", "event:delete"));
		definitions.put("coorganizer", List.of("event:read", "organizer"));
		definitions.put("selfish", List.of("selfish"));
		definitions.put("broken", List.of("event::read"));

		assertThatIllegalStateException().isThrownBy(() -> new Roles(definitions))
			.withMessageStartingWith("Invalid permission-manager.roles:")
			.withMessageContaining("role cycle organizer -> coorganizer -> organizer")
			.withMessageContaining("role cycle selfish -> selfish")
			.withMessageContaining("role 'broken': Permission 'event::read' has an empty part");
	}

}
