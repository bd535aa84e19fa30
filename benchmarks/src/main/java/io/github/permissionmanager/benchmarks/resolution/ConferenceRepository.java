package io.github.permissionmanager.benchmarks.resolution;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stores the events of the benchmark data.
 */
interface ConferenceRepository extends JpaRepository<Conference, Long> {

}
