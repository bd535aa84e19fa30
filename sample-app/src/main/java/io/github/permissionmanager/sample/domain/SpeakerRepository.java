package io.github.permissionmanager.sample.domain;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Speakers.
 */
public interface SpeakerRepository extends JpaRepository<Speaker, Long> {

	@Query("select new io.github.permissionmanager.sample.domain.SpeakerSummary("
			+ "sp.id, sp.session.id, sp.name, sp.email)"
			+ " from Speaker sp where sp.session.event.id = :eventId order by sp.id")
	List<SpeakerSummary> findSummariesOfEvent(long eventId);

}
