package io.github.permissionmanager.resolve;

import java.time.Duration;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Query;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;

/**
 * A lookup is bounded by the evaluation timeout, reads at most two rows and never flushes
 * the caller's pending changes.
 */
class JpaModelQueriesTests {

	@Test
	void lookupCarriesTheEvaluationTimeoutAndReadsAtMostTwoRows() {
		EntityManagerFactory factory = mock(EntityManagerFactory.class);
		EntityManager entityManager = mock(EntityManager.class);
		Query query = mock(Query.class, RETURNS_SELF);
		given(factory.createEntityManager()).willReturn(entityManager);
		given(entityManager.createQuery("select e.event.id from Session e where e.id = :key")).willReturn(query);
		given(query.getResultList()).willReturn(List.of(7L));
		JpaModelQueries queries = new JpaModelQueries(factory, Duration.ofMillis(1500));
		ModelQuery planned = new ModelQuery("Session", "event_id", "event.id", "id", Long.class,
				"select e.event.id from Session e where e.id = :key");
		assertThat(queries.find(planned, 10L)).containsExactly(7L);
		then(query).should().setHint("jakarta.persistence.query.timeout", 1500);
		then(query).should().setMaxResults(2);
		then(query).should().setFlushMode(FlushModeType.COMMIT);
		then(query).should().setParameter("key", 10L);
	}

	@Test
	void camelCaseOfASnakeCaseKey() {
		assertThat(ResolutionPlanner.camelCase("event_id")).isEqualTo("eventId");
		assertThat(ResolutionPlanner.camelCase("eventId")).isEqualTo("eventId");
		assertThat(ResolutionPlanner.camelCase("speaker-session_id")).isEqualTo("speakerSessionId");
	}

}
