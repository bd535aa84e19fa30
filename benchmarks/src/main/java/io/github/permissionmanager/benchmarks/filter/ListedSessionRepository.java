package io.github.permissionmanager.benchmarks.filter;

import java.util.Collection;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/**
 * Sessions, with specifications, and the {@code IN} query an {@code objectIds} list
 * needs.
 */
public interface ListedSessionRepository
		extends JpaRepository<ListedSession, Long>, JpaSpecificationExecutor<ListedSession> {

	Page<ListedSession> findByEventIdIn(Collection<Long> eventIds, Pageable pageable);

}
