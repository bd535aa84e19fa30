package io.github.permissionmanager.sample.domain;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

/**
 * Events.
 */
public interface EventRepository extends JpaRepository<Event, Long> {

	/**
	 * Delete an event and everything that belongs to it, in one transaction.
	 * @param eventId the event id
	 */
	@Transactional
	default void deleteWithContents(long eventId) {
		deleteSpeakersOfEvent(eventId);
		deleteSessionsOfEvent(eventId);
		deleteTracksOfEvent(eventId);
		// a bulk delete, not deleteById: a concurrent delete of the same event is not an
		// error
		deleteEvent(eventId);
	}

	@Modifying
	@Query("delete from Event e where e.id = :eventId")
	void deleteEvent(long eventId);

	@Modifying
	@Query("delete from Speaker sp where sp.session.id in (select s.id from Session s where s.event.id = :eventId)")
	void deleteSpeakersOfEvent(long eventId);

	@Modifying
	@Query("delete from Session s where s.event.id = :eventId")
	void deleteSessionsOfEvent(long eventId);

	@Modifying
	@Query("delete from Track t where t.event.id = :eventId")
	void deleteTracksOfEvent(long eventId);

}
