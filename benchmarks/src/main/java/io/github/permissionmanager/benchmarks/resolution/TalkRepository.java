package io.github.permissionmanager.benchmarks.resolution;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * What a user writes to find a talk's event by hand.
 */
interface TalkRepository extends JpaRepository<Talk, Long> {

	/**
	 * The event id of a talk, read without loading the talk.
	 * @param id the talk id
	 * @return the event id, empty when there is no such talk
	 */
	@Query("select t.event.id from Talk t where t.id = :id")
	Optional<Long> findEventIdById(@Param("id") long id);

}
