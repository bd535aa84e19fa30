package io.github.permissionmanager.actuate;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.permissionmanager.Decision;
import io.github.permissionmanager.PermissionManager;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import io.github.permissionmanager.decide.Roles;
import io.github.permissionmanager.enforce.RuleRegistry;
import io.github.permissionmanager.resolve.ResolutionPlanner;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The explain operation on its own: what it hands the manager, what it refuses, and a
 * manager that throws answered as a denial saying so, never an error.
 */
class PermissionsEndpointTests {

	private final RuleRegistry registry = new RuleRegistry(Map.of(), new ResolutionPlanner(null));

	private final Roles roles = new Roles(Map.of("viewer", List.of("event:read")));

	@Test
	void explainAsksTheManagerForTheUserAndTheResource() {
		PermissionsEndpoint endpoint = new PermissionsEndpoint(this.registry, this.roles, Map.of(), manager(
				(subject, permission, resource) -> Decision.deny(subject.id() + " " + permission + " " + resource)));
		ExplainDescriptor explained = endpoint.explain("explain", "bob", "event:read", "event", "7", "acme");
		assertThat(explained).isNotNull();
		assertThat(explained.allowed()).isFalse();
		assertThat(explained.reason()).startsWith("bob event:read Resource[type=event, id=7, tenant=acme");
		assertThat(explained.resource()).isEqualTo(new ExplainDescriptor.ResourceDescriptor("event", "7", "acme"));
		ExplainDescriptor wholeType = endpoint.explain("explain", "bob", "event:read", "event", null, null);
		assertThat(wholeType).isNotNull();
		assertThat(wholeType.resource()).isEqualTo(new ExplainDescriptor.ResourceDescriptor("event", null, null));
	}

	@Test
	void aManagerThatThrowsIsADenialSayingSo() {
		PermissionsEndpoint endpoint = new PermissionsEndpoint(this.registry, this.roles, Map.of(),
				manager((subject, permission, resource) -> {
					throw new IllegalStateException("policy store down");
				}));
		ExplainDescriptor explained = endpoint.explain("explain", "bob", "event:read", null, null, null);
		assertThat(explained).isNotNull();
		assertThat(explained.allowed()).isFalse();
		assertThat(explained.reason()).isEqualTo("Could not decide: policy store down");
	}

	@Test
	void badParametersAreInvalidRequestsAndAnotherOperationIsNotFound() {
		PermissionsEndpoint endpoint = new PermissionsEndpoint(this.registry, this.roles, Map.of(),
				manager((subject, permission, resource) -> Decision.allow("always")));
		assertThatExceptionOfType(InvalidEndpointRequestException.class)
			.isThrownBy(() -> endpoint.explain("explain", "bob", "event:read", null, "7", null))
			.withMessage("'id' needs a 'type'");
		assertThatExceptionOfType(InvalidEndpointRequestException.class)
			.isThrownBy(() -> endpoint.explain("explain", "bob", "event:read", null, null, "acme"))
			.withMessage("'tenant' needs a 'type'");
		assertThatExceptionOfType(InvalidEndpointRequestException.class)
			.isThrownBy(() -> endpoint.explain("explain", "bob", "event:read", " ", null, null))
			.withMessage("'type' cannot be blank");
		assertThatExceptionOfType(InvalidEndpointRequestException.class)
			.isThrownBy(() -> endpoint.explain("explain", "", "event:read", null, null, null))
			.withMessage("'user' cannot be blank");
		assertThatExceptionOfType(InvalidEndpointRequestException.class)
			.isThrownBy(() -> endpoint.explain("explain", "bob", "event::read", null, null, null))
			.withMessageStartingWith("'permission' is not a permission");
		assertThat(endpoint.explain("grants", "bob", "event:read", null, null, null)).isNull();
	}

	@Test
	void listsTheRolesWithWhatTheyInclude() {
		PermissionsEndpoint endpoint = new PermissionsEndpoint(this.registry,
				new Roles(Map.of("organizer", List.of("event:update", "viewer"), "viewer", List.of("event:read"))),
				Map.of(), manager((subject, permission, resource) -> Decision.allow("always")));
		PermissionsDescriptor described = endpoint.permissions();
		assertThat(described.guarded()).isEmpty();
		assertThat(described.roles().get("organizer").includes()).containsExactly("viewer");
		assertThat(described.roles().get("organizer").permissions()).containsExactlyInAnyOrder("event:update",
				"event:read");
		assertThat(described.roles().get("viewer").includes()).isEmpty();
	}

	private static PermissionManager manager(Explainer explainer) {
		return new PermissionManager() {

			@Override
			public Decision explain(Subject subject, String permission, @Nullable Resource resource) {
				return explainer.explain(subject, permission, resource);
			}

			@Override
			public Set<String> objectIds(Subject subject, String permission, String resourceType,
					@Nullable String tenant) {
				return Set.of();
			}

		};
	}

	@FunctionalInterface
	interface Explainer {

		Decision explain(Subject subject, String permission, @Nullable Resource resource);

	}

}
