package io.github.permissionmanager.sample;

import io.github.permissionmanager.Grant;
import io.github.permissionmanager.Grantee;
import io.github.permissionmanager.PermissionGrants;
import io.github.permissionmanager.sample.domain.Event;
import io.github.permissionmanager.sample.domain.EventRepository;
import io.github.permissionmanager.sample.domain.Session;
import io.github.permissionmanager.sample.domain.Speaker;
import io.github.permissionmanager.sample.domain.SessionRepository;
import io.github.permissionmanager.sample.domain.SpeakerRepository;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Each feature endpoint of the sample does what its comment says, for the demo users: the
 * allowed call runs, and a denied one answers a problem and changes nothing.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:features;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
@DirtiesContext
class FeatureEndpointTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private EventRepository events;

	@Autowired
	private SessionRepository sessions;

	@Autowired
	private SpeakerRepository speakers;

	@Autowired
	private PermissionGrants grants;

	@Test
	void updateEventWhenCoorganizerOfItThenRenamed() {
		assertThat(this.mvc.patch()
			.uri("/events/1")
			.with(httpBasic("bob", "bob"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"FOSSASIA Summit 2026 (Singapore)\"}")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.name")
			.isEqualTo("FOSSASIA Summit 2026 (Singapore)");
	}

	@Test
	void updateEventWhenOrganizerOfAnotherEventThenForbiddenAndUnchanged() {
		String before = this.events.findById(1L).orElseThrow().getName();
		assertThat(this.mvc.patch()
			.uri("/events/1")
			.with(httpBasic("erin", "erin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"hijacked\"}")).hasStatus(HttpStatus.FORBIDDEN)
			.bodyJson()
			.extractingPath("$.missingPermissions")
			.asArray()
			.containsExactly("event:update");
		assertThat(this.events.findById(1L).orElseThrow().getName()).isEqualTo(before);
	}

	@Test
	void getEventOffersOnlyTheOptionalActionsTheCallerHolds() {
		assertThat(this.mvc.get().uri("/events/1").with(httpBasic("alice", "alice"))).hasStatusOk()
			.bodyJson()
			.extractingPath("$.actions")
			.asArray()
			.containsExactly("event:update", "event:delete", "track:create");
		assertThat(this.mvc.get().uri("/events/1").with(httpBasic("bob", "bob"))).hasStatusOk()
			.bodyJson()
			.extractingPath("$.actions")
			.asArray()
			.containsExactly("event:update");
	}

	@Test
	void deleteEventWithoutConfirmationThenForbiddenAndKeptEvenForItsOrganizer() {
		assertThat(this.mvc.delete().uri("/events/2").with(httpBasic("erin", "erin"))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(this.events.existsById(2L)).isTrue();
	}

	@Test
	void deleteEventWhenCoorganizerEvenConfirmedThenForbiddenAndKept() {
		assertThat(this.mvc.delete().uri("/events/1?confirm=true").with(httpBasic("bob", "bob")))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(this.events.existsById(1L)).isTrue();
	}

	@Test
	void deleteEventWhenOrganizerConfirmsThenDeletedWithItsSessionsAndSpeakers() {
		Event event = this.events.save(new Event("Short-lived meetup"));
		Session session = this.sessions.save(new Session(event, "Only talk"));
		Speaker speaker = this.speakers.save(new Speaker(session, "Sam Lee", "sam@example.org"));
		this.grants.grant(Grant.of(Grantee.user("erin"), "organizer").on("event", event.getId()));
		assertThat(this.mvc.delete().uri("/events/" + event.getId() + "?confirm=true").with(httpBasic("erin", "erin")))
			.hasStatus(HttpStatus.NO_CONTENT);
		assertThat(this.events.existsById(event.getId())).isFalse();
		assertThat(this.sessions.existsById(session.getId())).isFalse();
		assertThat(this.speakers.existsById(speaker.getId())).isFalse();
	}

	@Test
	void scheduleIsPublicButCreatingASessionNeedsSessionCreateOnTheEvent() {
		long before = this.sessions.count();
		assertThat(this.mvc.get().uri("/events/2/sessions")).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].title")
			.asArray()
			.contains("PostgreSQL at scale", "Accessible web apps");
		assertThat(this.mvc.post()
			.uri("/events/2/sessions")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"anonymous talk\"}")).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(this.mvc.post()
			.uri("/events/2/sessions")
			.with(httpBasic("bob", "bob"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"bob's talk\"}")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(this.sessions.count()).isEqualTo(before);
	}

	@Test
	void createSessionWhenOrganizerOfTheEventThenCreated() {
		assertThat(this.mvc.post()
			.uri("/events/2/sessions")
			.with(httpBasic("erin", "erin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"Late addition\"}")).hasStatus(HttpStatus.CREATED)
			.bodyJson()
			.extractingPath("$.eventId")
			.isEqualTo(2);
	}

	@Test
	void getSessionThroughAnotherEventsUrlThenNotFoundEvenForAnOrganizer() {
		assertThat(this.mvc.get().uri("/events/1/sessions/4").with(httpBasic("alice", "alice")))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.get().uri("/events/1/sessions/1").with(httpBasic("alice", "alice"))).hasStatusOk()
			.bodyJson()
			.extractingPath("$.title")
			.isEqualTo("Opening keynote");
	}

	@Test
	void deleteSpeakerWhenOrganizerOfAnotherEventThenForbiddenAndKept() {
		assertThat(this.mvc.delete().uri("/speakers/1").with(httpBasic("erin", "erin"))).hasStatus(HttpStatus.FORBIDDEN)
			.bodyJson()
			.extractingPath("$.resource.id")
			.isEqualTo("1");
		assertThat(this.speakers.existsById(1L)).isTrue();
	}

	@Test
	void deleteSpeakerWhenCoorganizerOfTheSpeakersEventThenDeleted() {
		assertThat(this.mvc.delete().uri("/speakers/5").with(httpBasic("erin", "erin")))
			.hasStatus(HttpStatus.NO_CONTENT);
		assertThat(this.speakers.existsById(5L)).isFalse();
	}

	@Test
	void deleteSpeakerThatDoesNotExistThenNotFound() {
		assertThat(this.mvc.delete().uri("/speakers/999").with(httpBasic("alice", "alice")))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void publicSpeakerListSkipsTheCheckAndHidesEmails() {
		assertThat(this.mvc.get().uri("/events/1/speakers?view=public").with(httpBasic("dave", "dave"))).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].email")
			.asArray()
			.isEmpty();
		assertThat(this.mvc.get().uri("/events/1/speakers").with(httpBasic("dave", "dave")))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(this.mvc.get().uri("/events/1/speakers").with(httpBasic("bob", "bob"))).hasStatusOk()
			.bodyJson()
			.extractingPath("$[0].email")
			.isEqualTo("ana@example.org");
	}

	@Test
	void siteIsTheTenantAndTheHeaderMustAgreeWithThePath() {
		// frank may read every event on the site opentech, and nowhere else
		assertThat(this.mvc.get().uri("/sites/opentech/events/1").with(httpBasic("frank", "frank"))).hasStatusOk()
			.bodyJson()
			.extractingPath("$.site")
			.isEqualTo("opentech");
		assertThat(this.mvc.get().uri("/sites/fossasia/events/1").with(httpBasic("frank", "frank")))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(this.mvc.get().uri("/events/1").with(httpBasic("frank", "frank"))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(this.mvc.get()
			.uri("/sites/opentech/events/1")
			.header("X-Site", "opentech")
			.with(httpBasic("frank", "frank"))).hasStatusOk();
		// the header disagreeing with the path is a denial, whoever asks
		assertThat(this.mvc.get()
			.uri("/sites/fossasia/events/1")
			.header("X-Site", "opentech")
			.with(httpBasic("frank", "frank"))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(this.mvc.get()
			.uri("/sites/fossasia/events/1")
			.header("X-Site", "opentech")
			.with(httpBasic("alice", "alice"))).hasStatus(HttpStatus.FORBIDDEN);
		// a grant in no tenant counts on every site
		assertThat(this.mvc.get().uri("/sites/anywhere/events/1").with(httpBasic("alice", "alice"))).hasStatusOk();
		assertThat(this.mvc.get()
			.uri("/sites/opentech/events/1")
			.header("X-Site", "opentech", "opentech")
			.with(httpBasic("frank", "frank"))).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(this.mvc.get().uri("/sites/opentech/events/1?site=opentech").with(httpBasic("frank", "frank")))
			.hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Test
	void tracksNeedOneOfTrackReadAndSessionUpdate() {
		assertThat(this.mvc.get().uri("/events/1/tracks").with(httpBasic("bob", "bob"))).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].name")
			.asArray()
			.containsExactly("Cloud", "Security");
		assertThat(this.mvc.get().uri("/events/1/tracks").with(httpBasic("carol", "carol")))
			.hasStatus(HttpStatus.FORBIDDEN)
			.bodyJson()
			.extractingPath("$.missingPermissions")
			.asArray()
			.containsExactlyInAnyOrder("track:read", "session:update");
	}

	@Test
	void tracksWithoutAnEventAreRefusedAndNeverReadTheQueryString() {
		assertThat(this.mvc.get().uri("/tracks").with(httpBasic("bob", "bob"))).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(this.mvc.get().uri("/tracks?event_id=1").with(httpBasic("bob", "bob")))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(this.mvc.get().uri("/events/1/tracks?event_id=1").with(httpBasic("bob", "bob")))
			.hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Test
	void bodyThatNamesAnotherEventThanTheCheckIsRefusedAndChangesNothing() {
		long before = this.sessions.count();
		assertThat(this.mvc.post()
			.uri("/events/1/sessions")
			.with(httpBasic("bob", "bob"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"Smuggled\",\"eventId\":2}")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(this.sessions.count()).isEqualTo(before);
		String title = this.sessions.findById(1L).orElseThrow().getTitle();
		assertThat(this.mvc.patch()
			.uri("/sessions/1")
			.with(httpBasic("bob", "bob"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"Moved\",\"eventId\":2}")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(this.sessions.findById(1L).orElseThrow().getTitle()).isEqualTo(title);
		assertThat(this.mvc.patch()
			.uri("/sessions/1?id=4")
			.with(httpBasic("bob", "bob"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"Moved\"}")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(this.mvc.post()
			.uri("/events/1/sessions")
			.with(httpBasic("bob", "bob"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"Agreed\",\"eventId\":1}")).hasStatus(HttpStatus.CREATED);
	}

	@Test
	void deleteSessionWhenCoorganizerOfAnotherEventThenForbiddenAndKept() {
		assertThat(this.mvc.delete().uri("/sessions/1").with(httpBasic("erin", "erin")))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(this.sessions.existsById(1L)).isTrue();
	}

	@Test
	void deleteSessionWhenCoorganizerOfItsEventThenDeletedWithItsSpeaker() {
		assertThat(this.mvc.delete().uri("/sessions/3").with(httpBasic("bob", "bob"))).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(this.sessions.existsById(3L)).isFalse();
		assertThat(this.speakers.existsById(3L)).isFalse();
	}

	@Test
	void grantWhenNotAdminThenForbiddenAndNothingGranted() {
		assertThat(this.mvc.post()
			.uri("/admin/grants")
			.with(httpBasic("alice", "alice"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"user\":\"dave\",\"permission\":\"organizer\",\"type\":\"event\",\"id\":\"1\"}"))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(this.grants.permissionsOf(Grantee.user("dave"))).isEmpty();
	}

	@Test
	void revokeWhenNotAdminThenForbiddenAndGrantKept() {
		assertThat(this.mvc.delete()
			.uri("/admin/grants")
			.with(httpBasic("bob", "bob"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"user\":\"alice\",\"permission\":\"organizer\",\"type\":\"event\",\"id\":\"1\"}"))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(this.grants.permissionsOf(Grantee.user("alice")))
			.containsExactly(Grant.of(Grantee.user("alice"), "organizer").on("event", 1));
	}

	@Test
	void explainWhenNotAdminThenForbidden() {
		assertThat(this.mvc.get()
			.uri("/admin/explain?user=alice&permission=event:delete&type=event&id=1")
			.with(httpBasic("alice", "alice"))).hasStatus(HttpStatus.FORBIDDEN)
			.bodyJson()
			.extractingPath("$.missingPermissions")
			.asArray()
			.containsExactly("permissions:admin");
	}

	@Test
	void grantWithoutGranteeThenBadRequest() {
		assertThat(this.mvc.post()
			.uri("/admin/grants")
			.with(httpBasic("admin", "admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"permission\":\"organizer\"}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("give exactly one of 'user' and 'group'");
	}

	@Test
	void myPermissionsListOnlyTheCallersGrants() {
		assertThat(this.mvc.get().uri("/me/permissions").with(httpBasic("carol", "carol"))).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("""
					{"user": "carol",
					 "grants": [{"user": "carol", "permission": "speaker", "type": "session", "id": "2"}]}
					""");
	}

	@Test
	void wrongPasswordThenUnauthorizedProblem() {
		assertThat(this.mvc.get().uri("/sessions").with(httpBasic("bob", "alice"))).hasStatus(HttpStatus.UNAUTHORIZED)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("Sign in with HTTP Basic to call this endpoint.");
	}

}
