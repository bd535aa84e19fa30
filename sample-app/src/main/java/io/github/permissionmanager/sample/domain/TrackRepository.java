package io.github.permissionmanager.sample.domain;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Tracks.
 */
public interface TrackRepository extends JpaRepository<Track, Long> {

	List<Track> findByEventIdOrderById(long eventId);

}
