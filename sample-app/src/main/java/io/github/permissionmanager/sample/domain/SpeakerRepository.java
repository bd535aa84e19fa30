package io.github.permissionmanager.sample.domain;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

/**
 * Speakers.
 */
public interface SpeakerRepository extends JpaRepository<Speaker, Long> {

	@Query("select new io.github.permissionmanager.sample.domain.SpeakerSummary("
			+ "sp.id, sp.session.id, sp.name, sp.email)"
			+ " from Speaker sp where sp.session.event.id = :eventId order by sp.id")
	List<SpeakerSummary> findSummariesOfEvent(long eventId);

	/**
	 * Delete a speaker; a concurrent delete of the same speaker is not an error.
	 * @param id the speaker id
	 */
	@Transactional
	@Modifying
	@Query("delete from Speaker sp where sp.id = :id")
	void deleteSpeaker(long id);

}
