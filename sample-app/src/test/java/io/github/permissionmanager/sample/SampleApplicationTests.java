package io.github.permissionmanager.sample;

import io.github.permissionmanager.sample.domain.EventRepository;
import io.github.permissionmanager.sample.domain.SessionRepository;
import io.github.permissionmanager.sample.domain.SessionSummary;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application starts on H2 with its demo conference.
 */
@SpringBootTest
class SampleApplicationTests {

	@Autowired
	EventRepository events;

	@Autowired
	SessionRepository sessions;

	@Test
	void startsWithTwoEventsAndTheirSessions() {
		assertThat(this.events.findAll()).extracting("name")
			.containsExactly("FOSSASIA Summit 2026", "Open Tech Days 2026");
		assertThat(this.sessions.findAllSummaries()).extracting(SessionSummary::eventId)
			.containsExactly(1L, 1L, 1L, 2L, 2L);
	}

}
