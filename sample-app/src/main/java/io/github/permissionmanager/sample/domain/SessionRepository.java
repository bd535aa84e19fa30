package io.github.permissionmanager.sample.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sessions, read as {@link SessionSummary} in one statement each, or through
 * specifications (permission filters).
 */
public interface SessionRepository extends JpaRepository<Session, Long>, JpaSpecificationExecutor<Session> {

	@Query("select new io.github.permissionmanager.sample.domain.SessionSummary(s.id, s.event.id, s.title)"
			+ " from Session s where s.id = :id")
	Optional<SessionSummary> findSummary(long id);

	@Query("select new io.github.permissionmanager.sample.domain.SessionSummary(s.id, s.event.id, s.title)"
			+ " from Session s order by s.id")
	List<SessionSummary> findAllSummaries();

	@Query("select new io.github.permissionmanager.sample.domain.SessionSummary(s.id, s.event.id, s.title)"
			+ " from Session s where s.event.id = :eventId order by s.id")
	List<SessionSummary> findSummariesOfEvent(long eventId);

	/**
	 * The sessions of the given events plus the given sessions, in one statement.
	 * @param eventIds event ids (may be empty)
	 * @param sessionIds session ids (may be empty)
	 * @return the sessions, by id
	 */
	@Query("select new io.github.permissionmanager.sample.domain.SessionSummary(s.id, s.event.id, s.title)"
			+ " from Session s where s.event.id in :eventIds or s.id in :sessionIds order by s.id")
	List<SessionSummary> findSummariesOfEventsOrIds(Collection<Long> eventIds, Collection<Long> sessionIds);

	/**
	 * Delete a session and its speakers, in one transaction.
	 * @param id the session id
	 */
	@Transactional
	default void deleteWithSpeakers(long id) {
		deleteSpeakersOfSession(id);
		// a bulk delete, not deleteById: a concurrent delete of the same session leaves
		// nothing to do here instead of failing with a stale-state error (a 500)
		deleteSession(id);
	}

	@Modifying
	@Query("delete from Session s where s.id = :id")
	void deleteSession(long id);

	@Modifying
	@Query("delete from Speaker sp where sp.session.id = :sessionId")
	void deleteSpeakersOfSession(long sessionId);

}
