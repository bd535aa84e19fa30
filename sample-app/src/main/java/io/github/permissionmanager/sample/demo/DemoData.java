package io.github.permissionmanager.sample.demo;

import java.util.List;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionGrants;
import io.github.permissionmanager.sample.domain.Event;
import io.github.permissionmanager.sample.domain.EventRepository;
import io.github.permissionmanager.sample.domain.Session;
import io.github.permissionmanager.sample.domain.SessionRepository;
import io.github.permissionmanager.sample.domain.Speaker;
import io.github.permissionmanager.sample.domain.SpeakerRepository;
import io.github.permissionmanager.sample.domain.Track;
import io.github.permissionmanager.sample.domain.TrackRepository;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

/**
 * Loads the demo conference into an empty database: event 1 (sessions 1-3, carol speaks
 * at session 2) and event 2 (sessions 4-5), and gives the demo users their grants
 * (frank's in the tenant {@code opentech} only).
 */
@Component
class DemoData implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(DemoData.class);

	private final EventRepository events;

	private final SessionRepository sessions;

	private final SpeakerRepository speakers;

	private final TrackRepository tracks;

	private final PermissionGrants grants;

	DemoData(EventRepository events, SessionRepository sessions, SpeakerRepository speakers, TrackRepository tracks,
			PermissionGrants grants) {
		Assert.notNull(events, "events cannot be null");
		Assert.notNull(sessions, "sessions cannot be null");
		Assert.notNull(speakers, "speakers cannot be null");
		Assert.notNull(tracks, "tracks cannot be null");
		Assert.notNull(grants, "grants cannot be null");
		this.events = events;
		this.sessions = sessions;
		this.speakers = speakers;
		this.tracks = tracks;
		this.grants = grants;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.events.count() > 0) {
			logger.info("Demo data already present; leaving it as it is");
			return;
		}
		Event summit = this.events.save(new Event("FOSSASIA Summit 2026"));
		Event techDays = this.events.save(new Event("Open Tech Days 2026"));
		this.tracks.saveAll(List.of(new Track(summit, "Cloud"), new Track(summit, "Security"),
				new Track(techDays, "Data"), new Track(techDays, "Web")));
		Session keynote = this.sessions.save(new Session(summit, "Opening keynote"));
		Session permissions = this.sessions.save(new Session(summit, "Permission checks without the pain"));
		Session boot = this.sessions.save(new Session(summit, "Spring Boot 4 in production"));
		Session postgres = this.sessions.save(new Session(techDays, "PostgreSQL at scale"));
		Session accessible = this.sessions.save(new Session(techDays, "Accessible web apps"));
		this.speakers.saveAll(List.of(new Speaker(keynote, "Ana Costa", "ana@example.org"),
				new Speaker(permissions, "Carol Smith", "carol@example.org"),
				new Speaker(boot, "Raj Patel", "raj@example.org"), new Speaker(postgres, "Mei Lin", "mei@example.org"),
				new Speaker(accessible, "Tom Berg", "tom@example.org")));
		Assert.state(summit.getId() != null && techDays.getId() != null && permissions.getId() != null,
				"stored entities have ids");
		grantDemoUsers(summit.getId(), techDays.getId(), permissions.getId());
	}

	private void grantDemoUsers(long summit, long techDays, long carolsSession) {
		// The roles (organizer, coorganizer, speaker) are defined in application.yml
		this.grants.grantAll(List.of(Grant.of(Grantee.user("admin"), "permissions:admin"),
				Grant.of(Grantee.user("alice"), "organizer").on("event", summit),
				Grant.of(Grantee.user("bob"), "coorganizer").on("event", summit),
				Grant.of(Grantee.user("carol"), "speaker").on("session", carolsSession),
				Grant.of(Grantee.user("erin"), "organizer").on("event", techDays),
				// frank edits the partner site "opentech": he may read every event, on
				// that
				// site only
				Grant.of(Grantee.user("frank"), "event:read").on("event").inTenant("opentech")));
		logger.info("Demo grants given to admin, alice, bob, carol, erin and frank (dave has none)");
	}

}
