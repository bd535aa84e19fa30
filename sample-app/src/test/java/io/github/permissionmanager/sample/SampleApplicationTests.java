package io.github.permissionmanager.sample;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionGrants;
import io.github.permissionmanager.sample.domain.EventRepository;
import io.github.permissionmanager.sample.domain.SessionRepository;
import io.github.permissionmanager.sample.domain.SessionSummary;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application starts on H2 with its demo conference and the demo users' grants.
 */
@SpringBootTest
class SampleApplicationTests {

	@Autowired
	EventRepository events;

	@Autowired
	SessionRepository sessions;

	@Autowired
	PermissionGrants grants;

	@Test
	void startsWithTwoEventsAndTheirSessions() {
		assertThat(this.events.findAll()).extracting("name")
			.containsExactly("FOSSASIA Summit 2026", "Open Tech Days 2026");
		assertThat(this.sessions.findAllSummaries()).extracting(SessionSummary::eventId)
			.containsExactly(1L, 1L, 1L, 2L, 2L);
	}

	@Test
	void startsWithTheGrantsOfTheDemoUsers() {
		assertThat(this.grants.permissionsOf(Grantee.user("bob")))
			.containsExactly(Grant.of(Grantee.user("bob"), "coorganizer").on("event", 1));
		assertThat(this.grants.permissionsOf(Grantee.user("carol")))
			.containsExactly(Grant.of(Grantee.user("carol"), "speaker").on("session", 2));
		assertThat(this.grants.permissionsOf(Grantee.user("admin")))
			.containsExactly(Grant.of(Grantee.user("admin"), "permissions:admin"));
		assertThat(this.grants.permissionsOf(Grantee.user("dave"))).isEmpty();
	}

}
