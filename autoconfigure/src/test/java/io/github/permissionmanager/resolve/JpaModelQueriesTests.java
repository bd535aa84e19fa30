package io.github.permissionmanager.resolve;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Query;
import org.h2.jdbc.JdbcConnection;
import org.hibernate.engine.jdbc.spi.JdbcCoordinator;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;

/**
 * A lookup is bounded by the evaluation timeout, reads at most two rows and never flushes
 * the caller's pending changes; where it is bounded by cancelling it, a cancel never
 * outlives the lookup.
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
	void cancellerCancelsTheRunningQueryUntilTheLookupHasEndedAndSaysWhetherItDid() {
		SharedSessionContractImplementor session = mock(SharedSessionContractImplementor.class);
		JdbcCoordinator coordinator = mock(JdbcCoordinator.class);
		given(session.getJdbcCoordinator()).willReturn(coordinator);
		JpaModelQueries.Canceller quiet = new JpaModelQueries.Canceller(session, 0);
		assertThat(quiet.end()).isFalse();
		quiet.run();
		then(coordinator).should(never()).cancelLastQuery();
		JpaModelQueries.Canceller fired = new JpaModelQueries.Canceller(session, 0);
		willThrow(new IllegalStateException("statement closed")).willDoNothing().given(coordinator).cancelLastQuery();
		// a cancel that fails (nothing running yet) is tried again on the next run
		fired.run();
		fired.run();
		assertThat(fired.end()).isTrue();
		fired.run();
		then(coordinator).should(times(2)).cancelLastQuery();
	}

	@Test
	void onH2ACancelLeftFromTheLookupIsClearedBeforeTheCallersNextStatement() throws SQLException {
		try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:jpa-model-queries-cancel", "sa", "")) {
			// what a cancel that arrives as the lookup's statement ends leaves on the
			// session
			connection.unwrap(JdbcConnection.class).getSession().cancel();
			try (Statement statement = connection.createStatement()) {
				assertThatExceptionOfType(SQLException.class).isThrownBy(
						() -> statement.execute("select count(*) from system_range(1, 100000) where mod(x, 7) = 3"));
			}
			connection.unwrap(JdbcConnection.class).getSession().cancel();
			JpaModelQueries.clearTimeout(connection);
			try (Statement statement = connection.createStatement()) {
				assertThat(statement.execute("select count(*) from system_range(1, 100000) where mod(x, 7) = 3"))
					.isTrue();
				assertThat(statement.getQueryTimeout()).isZero();
			}
		}
	}

	@Test
	void camelCaseOfASnakeCaseKey() {
		assertThat(ResolutionPlanner.camelCase("event_id")).isEqualTo("eventId");
		assertThat(ResolutionPlanner.camelCase("eventId")).isEqualTo("eventId");
		assertThat(ResolutionPlanner.camelCase("speaker-session_id")).isEqualTo("speakerSessionId");
	}

}
