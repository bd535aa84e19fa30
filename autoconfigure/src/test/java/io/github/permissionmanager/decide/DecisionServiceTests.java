package io.github.permissionmanager.decide;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionContext;
import io.github.permissionmanager.PermissionDecisionEvent;
import io.github.permissionmanager.PermissionDecisionPublisher;
import io.github.permissionmanager.Resource;
import io.github.permissionmanager.Subject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The arguments of a check through the {@link DecisionService}: a permission with no text
 * is refused as an argument error, even for a subject whose grants cover everything, and
 * nothing is decided, loaded or published for it. (A cached check scans the permission's
 * text only when it is not allowed; these tests are what keeps that cut honest.)
 */
class DecisionServiceTests {

	private static final Resource EVENT_1 = Resource.of("event", 1);

	private final AtomicInteger loads = new AtomicInteger();

	private final List<PermissionDecisionEvent> published = new ArrayList<>();

	private final SubjectGrantsLoader loader = (user, groups) -> {
		this.loads.incrementAndGet();
		// bob may do anything, anywhere
		return new SubjectGrants(Set.of(), List.of(Grant.of(Grantee.user("bob"), "*")));
	};

	private final GrantSnapshotCache cache = new GrantSnapshotCache(this.loader, new GrantImplication(Roles.none()),
			Clock.systemUTC(), Duration.ofMinutes(10), 100);

	private final DecisionService decisions = new DecisionService(new DefaultPermissionEvaluator(this.cache),
			new PermissionDecisionPublisher() {

				@Override
				public boolean isPublishing(boolean allowed) {
					return true;
				}

				@Override
				public void publish(PermissionDecisionEvent event) {
					DecisionServiceTests.this.published.add(event);
				}

			}, Clock.systemUTC());

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "\t", "  \n " })
	void permissionWithoutTextIsRefusedAndNothingIsDecided(String permission) {
		Subject bob = Subject.of("bob");
		// bob's snapshot is cached, and his grant covers every permission
		assertThat(this.decisions.allowsOrDenies(bob, "event:update", EVENT_1)).isTrue();
		int loaded = this.loads.get();
		this.published.clear();
		assertThatIllegalArgumentException().isThrownBy(() -> this.decisions.allowsOrDenies(bob, permission, EVENT_1))
			.withMessage("permission cannot be empty");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.decisions.allows(bob, permission, EVENT_1, PermissionContext.empty()))
			.withMessage("permission cannot be empty");
		assertThat(this.published).isEmpty();
		assertThat(this.loads.get()).isEqualTo(loaded);
	}

	@Test
	void missingArgumentsAreRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.decisions.allows(Subject.of("bob"), null, EVENT_1, PermissionContext.empty()));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.decisions.allows(null, "event:update", EVENT_1, PermissionContext.empty()));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.decisions.allows(Subject.of("bob"), "event:update", EVENT_1, null));
		assertThat(this.published).isEmpty();
	}

}
